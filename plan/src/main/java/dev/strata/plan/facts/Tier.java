package dev.strata.plan.facts;

import java.util.List;
import java.util.Map;

/**
 * A tier of nodes, and how a workload is pinned to it.
 *
 * @param name         {@code platform} or {@code apps}
 * @param label        the node label that names a node's tier ({@code spec.cluster.tierLabel})
 * @param served       whether a node group serves this tier
 * @param nodeSelector what a workload of the tier selects; empty when no node group serves it
 * @param tolerations  Kubernetes tolerations for the taints of the tier's node groups
 */
public record Tier(String name, String label, boolean served, Map<String, String> nodeSelector, List<Map<String, Object>> tolerations) {

    public Tier {
        nodeSelector = Map.copyOf(nodeSelector);
        tolerations = List.copyOf(tolerations);
    }
}
