package dev.strata.spec;

import dev.strata.catalog.Resources;

import java.util.List;

/**
 * @param tierLabel the node label key that carries the tier ({@code strata.dev/tier} by default:
 *                  kubelets may not self-apply {@code node-role.kubernetes.io/*} labels)
 * @param reserved  per node: what kubelet and the system keep back from the scheduler
 */
public record ClusterSpec(Provider provider, String name, String kubernetesVersion, String tierLabel, List<String> tiers,
                          List<NodeGroup> nodes, Resources reserved) {

    public int nodeCount() {
        return nodes.stream().mapToInt(NodeGroup::count).sum();
    }

    public boolean hasTier(String tier) {
        return nodes.stream().anyMatch(g -> g.tier().filter(tier::equals).isPresent());
    }
}
