package dev.strata.check.rules.network;

import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.graph.Selectors;
import dev.strata.check.yaml.YMap;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates Kubernetes NetworkPolicies for one flow. Unknowns count as allowed (ipBlock peers,
 * namespace labels of a Namespace not in the input, pod labels of a source not in the input), so a
 * finding is only raised when the policies in the input certainly deny the flow.
 */
public final class NetworkPolicies {

    /** Where a flow comes from; pod labels are empty when the source pods are not in the input. */
    public record Source(String namespace, Optional<Map<String, String>> podLabels) {
    }

    private NetworkPolicies() {
    }

    public static boolean has(Resource np, String type) {
        List<String> types = np.spec().strings("policyTypes");
        if (!types.isEmpty()) {
            return types.contains(type);
        }
        return type.equals("Ingress") || np.spec().has("egress");
    }

    public static boolean isPolicy(Resource r) {
        return r.is("networking.k8s.io", "NetworkPolicy");
    }

    public static boolean selects(Resource np, PodTemplate t) {
        return t.owner().namespace().equals(np.namespace())
                && Selectors.matches(np.spec().map("podSelector").orElse(YMap.empty()), t.labels());
    }

    /** Ingress policies selecting the pod, sorted by name. */
    public static List<Resource> ingressPolicies(ResourceGraph graph, PodTemplate t) {
        return graph.ofKind("NetworkPolicy").stream()
                .filter(NetworkPolicies::isPolicy)
                .filter(np -> has(np, "Ingress") && selects(np, t))
                .sorted(Comparator.comparing(Resource::name)).toList();
    }

    /** Whether ingress to the pod on the port is allowed by the policies selecting it. */
    public static boolean ingressAllowed(ResourceGraph graph, PodTemplate t, Source source, long port, String portName) {
        List<Resource> policies = ingressPolicies(graph, t);
        if (policies.isEmpty()) {
            return true;
        }
        for (Resource np : policies) {
            for (YMap rule : np.spec().maps("ingress")) {
                if (portsAllow(rule.maps("ports"), port, portName) && peersAllow(graph, np, rule.maps("from"), source)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean portsAllow(List<YMap> ports, long port, String portName) {
        if (ports.isEmpty()) {
            return true;
        }
        for (YMap p : ports) {
            String value = p.strOr("port", "");
            if (value.isEmpty() || value.equals(Long.toString(port)) || (!portName.isEmpty() && value.equals(portName))) {
                return true;
            }
            Optional<Long> end = p.integer("endPort");
            Optional<Long> start = p.integer("port");
            if (start.isPresent() && end.isPresent() && port >= start.get() && port <= end.get()) {
                return true;
            }
        }
        return false;
    }

    static boolean peersAllow(ResourceGraph graph, Resource np, List<YMap> from, Source source) {
        if (from.isEmpty()) {
            return true;
        }
        for (YMap peer : from) {
            if (peer.has("ipBlock")) {
                return true;
            }
            Optional<YMap> nsSel = peer.map("namespaceSelector");
            boolean nsOk;
            if (nsSel.isEmpty()) {
                nsOk = source.namespace().equals(np.namespace());
            } else {
                Optional<Map<String, String>> labels = namespaceLabels(graph, source.namespace(), nsSel.get());
                nsOk = labels.isEmpty() || Selectors.matches(nsSel.get(), labels.get());
            }
            Optional<YMap> podSel = peer.map("podSelector");
            boolean podOk = podSel.isEmpty() || source.podLabels().isEmpty()
                    || Selectors.matches(podSel.get(), source.podLabels().get());
            if (nsOk && podOk) {
                return true;
            }
        }
        return false;
    }

    /** Labels of a namespace, or empty when they cannot be known (Namespace not in the input). */
    static Optional<Map<String, String>> namespaceLabels(ResourceGraph graph, String namespace, YMap selector) {
        Map<String, String> labels = new HashMap<>();
        labels.put("kubernetes.io/metadata.name", namespace);
        Optional<Resource> ns = graph.namespace(namespace);
        if (ns.isPresent()) {
            labels.putAll(ns.get().labels());
            return Optional.of(labels);
        }
        boolean onlyName = selector.maps("matchExpressions").isEmpty()
                && selector.stringMap("matchLabels").keySet().stream().allMatch("kubernetes.io/metadata.name"::equals);
        return onlyName ? Optional.of(labels) : Optional.empty();
    }
}
