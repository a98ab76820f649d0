package dev.strata.render.apps;

import dev.strata.plan.facts.MeshMode;
import dev.strata.plan.facts.PlatformFacts;
import dev.strata.render.Obj;
import dev.strata.render.RenderContext;
import dev.strata.spec.ExternalService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Default deny in and out, then one policy per peer the app really has, each named after what it
 * admits. NetworkPolicies add up, so each file can be read (and removed) on its own.
 */
final class NetworkPolicies {

    static final String KUBELET_PROBE_SOURCE_AMBIENT = "169.254.7.127/32";
    static final int HBONE_PORT = 15008;
    static final int ISTIOD_XDS_PORT = 15012;
    static final List<Integer> LINKERD_CONTROL_PORTS = List.of(8080, 8086, 8090);
    static final int LINKERD_INBOUND_PORT = 4143;

    private NetworkPolicies() {
    }

    static List<Manifest> of(RenderContext ctx, AppFacts f) {
        List<Manifest> out = new ArrayList<>();
        out.add(policy(f.labels(), "default-deny", List.of(
                        "Nothing reaches the pods of this namespace and they reach nothing, unless a policy below",
                        "admits it."), Map.of(), List.of("Ingress", "Egress"), List.of(), List.of()));
        out.add(policy(f.labels(), "allow-dns", List.of("Every pod resolves names through CoreDNS (kube-dns) in kube-system."),
                Map.of(), List.of("Egress"), List.of(),
                List.of(Obj.map("to", List.of(Obj.map(
                                "namespaceSelector", namespace("kube-system"),
                                "podSelector", Obj.map("matchLabels", Obj.map("k8s-app", "kube-dns")))),
                        "ports", List.of(port("UDP", 53), port("TCP", 53))))));
        if (f.gateway()) {
            out.add(policy(f.labels(), "allow-from-gateway", List.of(
                            "User traffic: the platform gateway in " + PlatformFacts.GATEWAY_NAMESPACE + " forwards to the app port."),
                    f.selector(), List.of("Ingress"),
                    List.of(Obj.map("from", List.of(Obj.map("namespaceSelector", namespace(PlatformFacts.GATEWAY_NAMESPACE))),
                            "ports", List.of(port("TCP", f.port())))), List.of()));
        }
        if (f.prometheus()) {
            out.add(policy(f.labels(), "allow-prometheus", List.of(f.mesh() == MeshMode.ISTIO_SIDECAR
                            ? "Prometheus scrapes Istio's merged metrics (Envoy's and the app's /metrics) on pilot-agent's port " + AppFacts.ISTIO_AGENT_PORT + "."
                            : "Prometheus scrapes the app's /metrics on its own port."),
                    f.selector(), List.of("Ingress"),
                    List.of(Obj.map("from", List.of(Obj.map("namespaceSelector", namespace(PlatformFacts.MONITORING_NAMESPACE))),
                            "ports", List.of(port("TCP", f.scrapePort())))), List.of()));
        }
        f.otlp().ifPresent(o -> out.add(policy(f.labels(), "allow-otlp-egress", List.of(
                        "Traces leave over OTLP/HTTP to " + o.service() + " in " + PlatformFacts.MONITORING_NAMESPACE + "."),
                f.selector(), List.of("Egress"), List.of(),
                List.of(Obj.map("to", List.of(Obj.map("namespaceSelector", namespace(PlatformFacts.MONITORING_NAMESPACE))),
                        "ports", List.of(port("TCP", o.port())))))));
        for (ExternalService x : f.app().external()) {
            out.add(policy(f.labels(), "allow-external-" + x.name(), List.of(
                            x.name() + " runs outside the cluster at " + x.address() + ":" + x.port() + " (selector-less Service " + x.name() + ")."),
                    f.selector(), List.of("Egress"), List.of(),
                    List.of(Obj.map("to", List.of(Obj.map("ipBlock", Obj.map("cidr", x.address() + "/32"))),
                            "ports", List.of(port("TCP", x.port()))))));
        }
        mesh(f).ifPresent(out::add);
        return out;
    }

    private static Optional<Manifest> mesh(AppFacts f) {
        return switch (f.mesh()) {
            case ISTIO_AMBIENT -> Optional.of(policy(f.labels(), "allow-istio-ambient", List.of(
                            "Istio ambient: ztunnel carries meshed traffic as HBONE on " + HBONE_PORT + " (in and out, any namespace",
                            "of the cluster; the receiving side still enforces its own policies), and kubelet probes",
                            "arrive from the link-local " + KUBELET_PROBE_SOURCE_AMBIENT + " that istio-cni SNATs them to (Istio's",
                            "ambient NetworkPolicy guide)."),
                    Map.of(), List.of("Ingress", "Egress"),
                    List.of(Obj.map("from", List.of(Obj.map("namespaceSelector", Obj.map())), "ports", List.of(port("TCP", HBONE_PORT))),
                            Obj.map("from", List.of(Obj.map("ipBlock", Obj.map("cidr", KUBELET_PROBE_SOURCE_AMBIENT))))),
                    List.of(Obj.map("to", List.of(Obj.map("namespaceSelector", Obj.map())), "ports", List.of(port("TCP", HBONE_PORT))))));
            case ISTIO_SIDECAR -> Optional.of(policy(f.labels(), "allow-istio-sidecar", List.of(
                            "Istio sidecars fetch their config and certificates from istiod over xDS/CA on " + ISTIOD_XDS_PORT + ".",
                            "Port 15017 is istiod's webhook, called by the API server and never by a pod, so it stays closed."),
                    Map.of(), List.of("Egress"), List.of(),
                    List.of(Obj.map("to", List.of(Obj.map(
                                    "namespaceSelector", namespace("istio-system"),
                                    "podSelector", Obj.map("matchLabels", Obj.map("app", "istiod")))),
                            "ports", List.of(port("TCP", ISTIOD_XDS_PORT))))));
            case LINKERD -> Optional.of(policy(f.labels(), "allow-linkerd", List.of(
                            "Linkerd: the proxy reaches identity (8080), destination (8086) and policy (8090) in the",
                            "linkerd namespace, and meshed peers reach the proxy's inbound port " + LINKERD_INBOUND_PORT + "."),
                    Map.of(), List.of("Ingress", "Egress"),
                    List.of(Obj.map("from", List.of(Obj.map("namespaceSelector", Obj.map())), "ports", List.of(port("TCP", LINKERD_INBOUND_PORT)))),
                    List.of(Obj.map("to", List.of(Obj.map("namespaceSelector", namespace("linkerd"))),
                            "ports", LINKERD_CONTROL_PORTS.stream().map(p -> (Object) port("TCP", p)).toList()))));
            case NONE -> Optional.empty();
        };
    }

    private static Manifest policy(Map<String, String> labels, String name, List<String> why, Map<String, String> podLabels, List<String> types,
                                   List<Object> ingress, List<Object> egress) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("podSelector", podLabels.isEmpty() ? Obj.map() : Obj.map("matchLabels", new TreeMap<>(podLabels)));
        spec.put("policyTypes", types);
        if (types.contains("Ingress") && !ingress.isEmpty()) {
            spec.put("ingress", ingress);
        }
        if (types.contains("Egress") && !egress.isEmpty()) {
            spec.put("egress", egress);
        }
        return new Manifest("networkpolicy-" + name + ".yaml", why,
                Obj.of("networking.k8s.io/v1", "NetworkPolicy", name).labels(labels).put("spec", spec).build());
    }

    private static Map<String, Object> namespace(String ns) {
        return Obj.map("matchLabels", Obj.map("kubernetes.io/metadata.name", ns));
    }

    private static Map<String, Object> port(String protocol, int port) {
        return Obj.map("protocol", protocol, "port", port);
    }
}
