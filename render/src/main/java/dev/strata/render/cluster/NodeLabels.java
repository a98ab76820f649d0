package dev.strata.render.cluster;

import dev.strata.plan.facts.PlatformFacts;
import dev.strata.render.RenderException;
import dev.strata.spec.ClusterSpec;
import dev.strata.spec.NodeGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The labels a node group's nodes set on themselves at registration: the group's labels and the
 * tier label. Kubelets set them with their own identity, so the NodeRestriction admission plugin
 * refuses keys in the kubernetes.io and k8s.io namespaces (node-role.kubernetes.io/* above all)
 * except a short allowed list; such a key would stop the kubelet from starting, so it is refused
 * here, before a cluster is created with it.
 */
public final class NodeLabels {

    /** Keys and prefixes a kubelet may set on its own Node (NodeRestriction, kubelet --node-labels). */
    private static final Set<String> ALLOWED_KEYS = Set.of("kubernetes.io/hostname", "kubernetes.io/arch", "kubernetes.io/os",
            "beta.kubernetes.io/instance-type", "node.kubernetes.io/instance-type", "failure-domain.beta.kubernetes.io/region",
            "failure-domain.beta.kubernetes.io/zone", "topology.kubernetes.io/region", "topology.kubernetes.io/zone");
    private static final List<String> ALLOWED_PREFIXES = List.of("kubelet.kubernetes.io/", "node.kubernetes.io/");

    private NodeLabels() {
    }

    /** The group's labels plus the tier label ({@link PlatformFacts#groupLabels}), sorted by key. */
    public static Map<String, String> of(ClusterSpec cluster, NodeGroup group) {
        return new TreeMap<>(PlatformFacts.groupLabels(cluster, group));
    }

    /** Fails with every label no kubelet may set on itself, one line each. */
    public static void requireSelfAssignable(ClusterSpec cluster) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < cluster.nodes().size(); i++) {
            NodeGroup g = cluster.nodes().get(i);
            for (String key : of(cluster, g).keySet()) {
                if (!selfAssignable(key)) {
                    problems.add("spec.cluster.nodes[" + i + "].labels: \"" + key + "\" cannot be set by the node's own kubelet"
                            + " (the NodeRestriction admission plugin refuses kubernetes.io and k8s.io keys); use a key of your own domain,"
                            + " e.g. strata.dev/role, or label the node with kubectl after creation");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RenderException(problems);
        }
    }

    static boolean selfAssignable(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return true;
        }
        String prefix = key.substring(0, slash);
        boolean restricted = prefix.equals("kubernetes.io") || prefix.endsWith(".kubernetes.io")
                || prefix.equals("k8s.io") || prefix.endsWith(".k8s.io");
        return !restricted || ALLOWED_KEYS.contains(key) || ALLOWED_PREFIXES.stream().anyMatch(key::startsWith);
    }
}
