package dev.strata.check.flows;

import dev.strata.check.graph.ResourceGraph;
import java.util.Map;

/**
 * How a peer takes part in Istio: ambient (pod label {@code istio.io/dataplane-mode}, else its
 * namespace's; {@code none} opts a pod out), sidecar (namespace {@code istio-injection=enabled} or
 * {@code istio.io/rev}, pod label {@code sidecar.istio.io/inject}), or an Istio gateway. Only mesh
 * members have a workload identity (a SPIFFE principal) and only they enforce AuthorizationPolicies.
 */
final class Mesh {

    static final String TRUST_DOMAIN = "cluster.local";
    static final long HBONE_PORT = 15008;

    private final ResourceGraph graph;

    Mesh(ResourceGraph graph) {
        this.graph = graph;
    }

    boolean ambient(Peer p) {
        if (p.outside() || p.istioGateway() || sidecar(p)) {
            return false;
        }
        String mode = p.labels().get("istio.io/dataplane-mode");
        if (mode != null) {
            return mode.equals("ambient");
        }
        return "ambient".equals(namespaceLabels(p).get("istio.io/dataplane-mode"));
    }

    boolean sidecar(Peer p) {
        if (p.outside()) {
            return false;
        }
        String inject = p.labels().get("sidecar.istio.io/inject");
        if (inject != null) {
            return inject.equals("true");
        }
        Map<String, String> ns = namespaceLabels(p);
        return "enabled".equals(ns.get("istio-injection")) || ns.containsKey("istio.io/rev");
    }

    /** Has a workload identity: in the mesh, or an Istio gateway. */
    boolean member(Peer p) {
        return p.istioGateway() || ambient(p) || sidecar(p);
    }

    /** The SPIFFE principal Istio gives the peer (trust domain cluster.local, Istio's default). */
    String principal(Peer p) {
        return TRUST_DOMAIN + "/ns/" + p.namespace() + "/sa/" + p.serviceAccount();
    }

    private Map<String, String> namespaceLabels(Peer p) {
        return graph.namespaceLabels(p.namespace()).orElse(Map.of());
    }
}
