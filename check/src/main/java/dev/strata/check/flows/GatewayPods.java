package dev.strata.check.flows;

import dev.strata.check.ObjectRef;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.graph.Selectors;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pods that carry a Gateway's (or an Ingress controller's) traffic. A Gateway API implementation
 * labels the pods it deploys {@code gateway.networking.k8s.io/gateway-name: <gateway>}; a Gateway
 * with an address of type Hostname naming a Service (Istio's manual deployment) is served by that
 * Service's pods; Istio's ingress gateway chart labels its pods {@code istio: ingressgateway}
 * (istio-ingress or istio-system). When none is in the input the pods are assumed, and that is noted.
 */
final class GatewayPods {

    static final String GATEWAY_NAME = "gateway.networking.k8s.io/gateway-name";
    private static final List<String> ISTIO_NAMESPACES = List.of("istio-ingress", "istio-system");

    private GatewayPods() {
    }

    static List<Peer> of(ResourceGraph graph, String namespace, String name) {
        Optional<Resource> gateway = graph.findOne("Gateway", namespace, name).filter(g -> g.group().equals("gateway.networking.k8s.io"));
        String className = gateway.map(g -> g.spec().strOr("gatewayClassName", "")).orElse("");
        boolean istio = className.startsWith("istio");
        List<Peer> out = new ArrayList<>();
        for (PodTemplate t : graph.podTemplatesMatching(namespace, Map.of(GATEWAY_NAME, name))) {
            out.add(istio ? Peer.of(t).asIstioGateway() : Peer.of(t));
        }
        Optional<Resource> service = gateway.flatMap(g -> addressService(graph, g));
        if (out.isEmpty() && service.isPresent()) {
            for (PodTemplate t : graph.podTemplatesMatching(service.get().namespace(), service.get().spec().stringMap("selector"))) {
                out.add(istio ? Peer.of(t).asIstioGateway() : Peer.of(t));
            }
        }
        if (out.isEmpty() && istio) {
            out.addAll(istioIngress(graph, namespace));
        }
        if (!out.isEmpty()) {
            return out;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(GATEWAY_NAME, name);
        service.ifPresent(s -> labels.putAll(s.spec().stringMap("selector")));
        String sa = service.map(Resource::name).orElse(istio ? name + "-" + className : "");
        String note = "the pods of Gateway " + namespace + "/" + name + " are not in the input; assumed pods in namespace " + namespace
                + " labelled " + Selectors.display(labels)
                + (sa.isEmpty() ? "" : " running as service account " + sa);
        Peer peer = Peer.assumed(namespace + "/" + name + "[Gateway]", namespace, labels, sa, note);
        return List.of(istio ? peer.asIstioGateway() : peer);
    }

    /** Istio ingress gateway pods ({@code istio: ingressgateway}) in the namespace, else in istio-ingress or istio-system. */
    static List<Peer> istioIngress(ResourceGraph graph, String namespace) {
        List<String> namespaces = new ArrayList<>(List.of(namespace));
        ISTIO_NAMESPACES.stream().filter(n -> !n.equals(namespace)).forEach(namespaces::add);
        for (String ns : namespaces) {
            List<PodTemplate> pods = graph.podTemplatesMatching(ns, Map.of("istio", "ingressgateway"));
            if (!pods.isEmpty()) {
                return pods.stream().map(t -> Peer.of(t).asIstioGateway()).toList();
            }
        }
        return List.of();
    }

    /** The Service an address {@code <name>.<namespace>.svc[.cluster.local]} of type Hostname names. */
    private static Optional<Resource> addressService(ResourceGraph graph, Resource gateway) {
        for (var address : gateway.spec().maps("addresses")) {
            if (!address.strOr("type", "IPAddress").equals("Hostname")) {
                continue;
            }
            String[] parts = address.strOr("value", "").split("\\.");
            if (parts.length >= 3 && parts[2].equals("svc")) {
                Optional<Resource> svc = graph.findOne("Service", parts[1], parts[0]);
                if (svc.isPresent()) {
                    return svc;
                }
                return Optional.of(new Resource(new ObjectRef("v1", "Service", parts[1], parts[0]),
                        YMap.empty(), "", 0, "assumed"));
            }
        }
        return Optional.empty();
    }
}
