package dev.strata.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the check knows about the target cluster beyond the tree. The CLI builds it from
 * platform.yaml (via the planner); the check engine only reads it.
 *
 * @param nodes              every node (groups expanded), with its labels and taints
 * @param platformTier       the tier platform workloads must run on, if the spec has tiers
 * @param platformNamespaces namespaces whose workloads count as platform workloads
 * @param capacityFindings   findings computed outside (capacity fit), surfaced as they are
 * @param kubeVersion        the cluster's Kubernetes version, which charts are rendered for
 * @param declaredObjects    objects that exist on the cluster without being in the tree: what operators
 *                           create from custom resources (Prometheus' StatefulSet, Tekton's Deployments),
 *                           as manifests; they go through the same rules as the tree's objects
 * @param createdOutside     objects created outside the tree (by {@code strata up}, by a controller at run
 *                           time), so references to them are satisfied, with who creates them
 * @param components         the platform's components with the configuration each needs to do anything
 * @param crdGroups          API groups by the component (release) whose chart installs their CRDs
 * @param podSecurity        the cluster's Pod Security admission defaults: the level a namespace without an
 *                           enforce label gets, the namespaces exempt from it, and the namespaces the cluster
 *                           creates itself (kube-system, ...), which the tree does not hold
 */
public record ClusterModel(List<Node> nodes, Optional<String> platformTier, List<String> platformNamespaces,
                           List<CapacityFinding> capacityFindings, Optional<String> kubeVersion,
                           List<Declared> declaredObjects, List<Outside> createdOutside, List<ComponentNeeds> components,
                           Map<String, String> crdGroups, Optional<PodSecurityDefaults> podSecurity) {

    public ClusterModel {
        nodes = List.copyOf(nodes);
        platformNamespaces = List.copyOf(platformNamespaces);
        capacityFindings = List.copyOf(capacityFindings);
        declaredObjects = List.copyOf(declaredObjects);
        createdOutside = List.copyOf(createdOutside);
        components = List.copyOf(components);
        crdGroups = Map.copyOf(crdGroups);
    }

    /** A model of nodes and capacity only (no platform declarations). */
    public ClusterModel(List<Node> nodes, Optional<String> platformTier, List<String> platformNamespaces,
                        List<CapacityFinding> capacityFindings) {
        this(nodes, platformTier, platformNamespaces, capacityFindings, Optional.empty(), List.of(), List.of(), List.of(), Map.of(),
                Optional.empty());
    }

    /**
     * The API server's Pod Security configuration as the provider sets it: kind and kubeadm leave the
     * defaults (privileged, no exemptions); Talos enforces baseline and exempts kube-system.
     */
    public record PodSecurityDefaults(String level, List<String> exempt, List<String> clusterNamespaces) {
        public PodSecurityDefaults {
            exempt = List.copyOf(exempt);
            clusterNamespaces = List.copyOf(clusterNamespaces);
        }
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

    /**
     * Objects the cluster will run that no file of the tree holds, as YAML, with who creates them
     * ({@code the Prometheus Operator, from the Prometheus resource}) and where that is declared.
     */
    public record Declared(String yaml, String createdBy, String declaredIn) {
    }

    /** An object created outside the tree: {@code kind}/{@code namespace}/{@code name} and by whom. */
    public record Outside(String kind, String namespace, String name, String createdBy) {
    }

    /**
     * A component with the objects it needs to do anything (MetalLB: an IPAddressPool and an
     * L2Advertisement), what its values leave unmet (external-dns with the in-memory provider), or the
     * reason it is deliberately left without them.
     */
    public record ComponentNeeds(String id, List<Need> needs, List<String> unmet, Optional<String> inert) {
        public ComponentNeeds {
            needs = List.copyOf(needs);
            unmet = List.copyOf(unmet);
        }
    }

    /** A kind of object ({@code group}/{@code kind}) a component needs, and what it is for. */
    public record Need(String group, String kind, String purpose) {
    }
}
