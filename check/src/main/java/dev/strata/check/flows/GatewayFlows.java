package dev.strata.check.flows;

import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.graph.Selectors;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gateway → route backends: every HTTPRoute and GRPCRoute backendRef (a Service: its selected pods,
 * on the targetPort of the referenced port) is called by the pods of each parent Gateway; every
 * Ingress backend is called by the pods of its ingress controller.
 */
final class GatewayFlows implements FlowSource {

    static final String KIND = "gateway";

    @Override
    public List<Flow> flows(ResourceGraph graph) {
        List<Flow> out = new ArrayList<>();
        for (String kind : List.of("HTTPRoute", "GRPCRoute")) {
            for (Resource route : graph.ofKind(kind)) {
                if (route.group().equals("gateway.networking.k8s.io")) {
                    route(graph, route, out);
                }
            }
        }
        for (Resource ingress : graph.ofKind("Ingress")) {
            if (ingress.group().equals("networking.k8s.io")) {
                ingress(graph, ingress, out);
            }
        }
        return out;
    }

    private static void route(ResourceGraph graph, Resource route, List<Flow> out) {
        List<Peer> gateways = new ArrayList<>();
        for (YMap parent : route.spec().maps("parentRefs")) {
            if (parent.strOr("kind", "Gateway").equals("Gateway")) {
                gateways.addAll(GatewayPods.of(graph, parent.strOr("namespace", route.namespace()), parent.strOr("name", "")));
            }
        }
        Via via = Via.of(route);
        for (YMap rule : route.spec().maps("rules")) {
            for (YMap ref : rule.maps("backendRefs")) {
                if (!ref.strOr("kind", "Service").equals("Service") || !ref.strOr("group", "").isEmpty()) {
                    continue;
                }
                for (ServiceTargets.Target target : ServiceTargets.of(graph, ref.strOr("namespace", route.namespace()),
                        ref.strOr("name", ""), ref.strOr("port", ""))) {
                    for (Peer gateway : gateways) {
                        out.add(new Flow(KIND, gateway, Peer.of(target.pod()), target.port(), via));
                    }
                }
            }
        }
    }

    private static void ingress(ResourceGraph graph, Resource ingress, List<Flow> out) {
        List<YMap> backends = new ArrayList<>();
        ingress.spec().path("defaultBackend", "service").ifPresent(backends::add);
        for (YMap rule : ingress.spec().maps("rules")) {
            for (YMap path : rule.path("http").map(h -> h.maps("paths")).orElse(List.of())) {
                path.path("backend", "service").ifPresent(backends::add);
            }
        }
        if (backends.isEmpty()) {
            return;
        }
        List<Peer> controllers = controllers(graph, ingress);
        Via via = Via.of(ingress);
        for (YMap backend : backends) {
            YMap port = backend.map("port").orElse(YMap.empty());
            String ref = port.str("number").orElse(port.strOr("name", ""));
            for (ServiceTargets.Target target : ServiceTargets.of(graph, ingress.namespace(), backend.strOr("name", ""), ref)) {
                for (Peer controller : controllers) {
                    out.add(new Flow(KIND, controller, Peer.of(target.pod()), target.port(), via));
                }
            }
        }
    }

    /**
     * The ingress controller's pods by class: ingress-nginx ({@code app.kubernetes.io/name=ingress-nginx}),
     * Istio's ingress gateway, Traefik; otherwise assumed in a namespace named after the class.
     */
    static List<Peer> controllers(ResourceGraph graph, Resource ingress) {
        String cls = ingress.spec().str("ingressClassName")
                .or(() -> ingress.annotation("kubernetes.io/ingress.class")).orElse("nginx");
        if (cls.startsWith("istio")) {
            List<Peer> istio = GatewayPods.istioIngress(graph, "istio-ingress");
            if (!istio.isEmpty()) {
                return istio;
            }
        }
        String name = cls.contains("traefik") ? "traefik" : cls.contains("nginx") ? "ingress-nginx" : cls;
        List<Peer> found = graph.allPodTemplates().stream()
                .filter(t -> name.equals(t.labels().get("app.kubernetes.io/name")))
                .map(Peer::of).toList();
        if (!found.isEmpty()) {
            return found;
        }
        String ns = cls.startsWith("istio") ? "istio-ingress" : name;
        Map<String, String> labels = cls.startsWith("istio") ? Map.of("istio", "ingressgateway") : Map.of("app.kubernetes.io/name", name);
        Peer peer = Peer.assumed(ns + "/" + name + "[IngressController]", ns, labels, "",
                "the ingress controller of class " + cls + " is not in the input; assumed pods in namespace " + ns + " labelled "
                        + Selectors.display(labels));
        return List.of(cls.startsWith("istio") ? peer.asIstioGateway() : peer);
    }
}
