package dev.strata.check.flows;

import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.graph.Selectors;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes NetworkPolicy semantics for one side of a flow (Kubernetes docs, "Network Policies"):
 * a pod is isolated for a direction only when some policy selecting it lists that direction in its
 * policyTypes (defaulted: Ingress always, Egress when the policy has egress rules); an isolated pod
 * accepts a connection when any policy selecting it for that direction allows it (policies are
 * additive); a pod no policy isolates accepts everything.
 */
final class NetworkPolicyModel {

    enum Direction {
        INGRESS("Ingress", "ingress", "from"), EGRESS("Egress", "egress", "to");

        final String type;
        final String rules;
        final String peers;

        Direction(String type, String rules, String peers) {
            this.type = type;
            this.rules = rules;
            this.peers = peers;
        }

        String label() {
            return rules;
        }
    }

    /** The outcome on one side: allowed or not, the policies that decided, why. */
    record Side(boolean allowed, List<Verdict.Decider> deciders, String reason) {
    }

    private final ResourceGraph graph;
    private final Map<String, List<Resource>> byNamespace = new HashMap<>();

    NetworkPolicyModel(ResourceGraph graph) {
        this.graph = graph;
        for (Resource np : graph.ofKind("NetworkPolicy")) {
            if (np.is("networking.k8s.io", "NetworkPolicy")) {
                byNamespace.computeIfAbsent(np.namespace(), k -> new ArrayList<>()).add(np);
            }
        }
        byNamespace.values().forEach(l -> l.sort(Comparator.comparing(Resource::name)));
    }

    /** The policies of the pod's namespace that select it and list the direction, by name. */
    List<Resource> isolating(Peer pod, Direction direction) {
        if (pod.outside()) {
            return List.of();
        }
        return byNamespace.getOrDefault(pod.namespace(), List.of()).stream()
                .filter(np -> PolicyTypes.of(np).contains(direction.type))
                .filter(np -> Selectors.matches(np.spec().map("podSelector").orElse(YMap.empty()), pod.labels()))
                .toList();
    }

    /**
     * Whether the subject's policies for the direction admit the other end on the port. For ingress the
     * subject is the destination; for egress the source. Named ports resolve on the destination pod.
     */
    Side decide(Peer subject, Peer other, Port port, Optional<PodTemplate> destination,
                Direction direction, List<String> notes) {
        if (subject.outside()) {
            return new Side(true, List.of(), subject.name() + " is outside the pod network; no NetworkPolicy applies");
        }
        if (subject.hostNetwork()) {
            notes.add(subject.name() + " uses the host network; NetworkPolicies do not apply to it");
            return new Side(true, List.of(), "no policy isolates " + subject.name() + " (host network)");
        }
        List<Resource> policies = isolating(subject, direction);
        if (policies.isEmpty()) {
            return new Side(true, List.of(), "no policy isolates " + subject.name() + " for " + direction.label());
        }
        if (!subject.inInput()) {
            notes.add("NetworkPolicies of namespace " + subject.namespace() + " applied to the assumed labels of " + subject.name());
        }
        for (Resource np : policies) {
            for (YMap rule : np.spec().maps(direction.rules)) {
                if (PolicyPorts.admit(rule.maps("ports"), port, destination)
                        && PolicyPeers.admit(graph, np.namespace(), np.name(), Optional.of(rule), direction.peers, other, notes)) {
                    return new Side(true, List.of(decider(np, direction)),
                            "NetworkPolicy " + np.namespace() + "/" + np.name() + " admits it (" + direction.label() + ")");
                }
            }
        }
        Resource first = policies.getFirst();
        String names = policies.stream().map(Resource::name).reduce((a, b) -> a + ", " + b).orElse("");
        return new Side(false, List.of(decider(first, direction)),
                "policies " + names + " isolate " + subject.name() + " for " + direction.label() + " and none admits "
                        + (direction == Direction.INGRESS ? "from " : "to ") + other.name() + " on " + port.display());
    }

    private static Verdict.Decider decider(Resource np, Direction direction) {
        return new Verdict.Decider("NetworkPolicy", np.namespace(), np.name(), direction.label());
    }
}
