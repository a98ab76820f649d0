package dev.strata.check.flows;

import dev.strata.check.graph.ResourceGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a flow gets through: the source's egress NetworkPolicies and the destination's
 * ingress NetworkPolicies must both admit it (Kubernetes docs: "both the egress policy on the source
 * pod and the ingress policy on the destination pod need to allow the connection"), then the Istio
 * AuthorizationPolicies of the destination. Between two ambient pods the packets the network plugin
 * sees travel as HBONE to port 15008 of the destination, so that is the port the NetworkPolicies must
 * admit (Istio docs, "Ambient and Kubernetes NetworkPolicy"); authorization still sees the original
 * port. Kubelet probes come from the node and are not modelled.
 */
public final class Connectivity {

    private final NetworkPolicyModel networkPolicies;
    private final AuthorizationModel authorization;
    private final Mesh mesh;

    public Connectivity(ResourceGraph graph) {
        this.networkPolicies = new NetworkPolicyModel(graph);
        this.mesh = new Mesh(graph);
        this.authorization = new AuthorizationModel(graph, mesh);
    }

    public FlowResult evaluate(Flow flow) {
        List<String> notes = new ArrayList<>(flow.from().assumptions());
        flow.to().assumptions().stream().filter(a -> !notes.contains(a)).forEach(notes::add);
        Port wire = flow.port();
        if ((mesh.ambient(flow.from()) || flow.from().istioGateway()) && mesh.ambient(flow.to())) {
            wire = new Port(Mesh.HBONE_PORT, "", "TCP");
            notes.add((flow.from().istioGateway() ? "an Istio gateway calls an ambient pod" : "both ends are in the ambient mesh")
                    + ": the connection travels as HBONE to port 15008, which the NetworkPolicies must admit");
        }
        List<Verdict.Decider> deciders = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        NetworkPolicyModel.Side egress = networkPolicies.decide(flow.from(), flow.to(), wire, flow.to().pod(),
                NetworkPolicyModel.Direction.EGRESS, notes);
        if (!egress.allowed()) {
            return blocked(flow, egress, notes);
        }
        collect(egress, deciders, reasons);
        if (!flow.to().outside()) {
            NetworkPolicyModel.Side ingress = networkPolicies.decide(flow.to(), flow.from(), wire, flow.to().pod(),
                    NetworkPolicyModel.Direction.INGRESS, notes);
            if (!ingress.allowed()) {
                return blocked(flow, ingress, notes);
            }
            collect(ingress, deciders, reasons);
            NetworkPolicyModel.Side authz = authorization.decide(flow.from(), flow.to(), flow.port(), notes);
            if (!authz.allowed()) {
                return blocked(flow, authz, notes);
            }
            if (!authz.deciders().isEmpty()) {
                collect(authz, deciders, reasons);
            }
        }
        return new FlowResult(flow, new Verdict(true, deciders, String.join("; ", reasons), distinct(notes)));
    }

    private static void collect(NetworkPolicyModel.Side side, List<Verdict.Decider> deciders, List<String> reasons) {
        deciders.addAll(side.deciders());
        reasons.add(side.reason());
    }

    private static FlowResult blocked(Flow flow, NetworkPolicyModel.Side side, List<String> notes) {
        return new FlowResult(flow, new Verdict(false, side.deciders(), side.reason(), distinct(notes)));
    }

    private static List<String> distinct(List<String> notes) {
        return notes.stream().distinct().toList();
    }
}
