package dev.strata.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the tiering and capacity rules know about the target cluster. The CLI builds it from
 * platform.yaml (via the planner); the check engine only reads it.
 *
 * @param nodes            every node (groups expanded), with its labels and taints
 * @param platformTier     the tier platform workloads must run on, if the spec has tiers
 * @param platformNamespaces namespaces whose workloads count as platform workloads
 * @param capacityFindings findings computed outside (capacity fit), surfaced as they are
 */
public record ClusterModel(List<Node> nodes, Optional<String> platformTier, List<String> platformNamespaces,
                           List<CapacityFinding> capacityFindings) {

    public ClusterModel {
        nodes = List.copyOf(nodes);
        platformNamespaces = List.copyOf(platformNamespaces);
        capacityFindings = List.copyOf(capacityFindings);
    }

    /** A node; cpu in millicores, memory in bytes. */
    public record Node(String name, String role, Optional<String> tier, Map<String, String> labels,
                       List<Taint> taints, long allocatableMilliCpu, long allocatableMemoryBytes) {
        public Node {
            labels = Map.copyOf(labels);
            taints = List.copyOf(taints);
        }
    }

    /** A taint; {@code value} may be empty. */
    public record Taint(String key, String value, String effect) {
        public String display() {
            return value.isEmpty() ? key + ":" + effect : key + "=" + value + ":" + effect;
        }
    }

    /**
     * A capacity problem found by the planner, e.g. {@code tier apps: requests 4.2 cpu exceed
     * allocatable 3.8 cpu}. When {@code object} names an object in the input, the finding is
     * reported on it; otherwise it is reported on the tree as a whole.
     */
    public record CapacityFinding(Severity severity, Optional<ObjectRef> object, String message) {
    }
}
