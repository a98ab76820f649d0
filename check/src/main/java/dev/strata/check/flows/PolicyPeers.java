package dev.strata.check.flows;

import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.graph.Selectors;
import dev.strata.yaml.tree.YMap;
import java.util.List;
import java.util.Optional;

/**
 * NetworkPolicyPeer semantics (Kubernetes NetworkPolicy docs): a rule without {@code from}/{@code to}
 * (or with an empty list) matches every peer; a peer with only {@code podSelector} selects pods of
 * the policy's namespace; with only {@code namespaceSelector}, every pod of the selected namespaces;
 * with both in one item, the pods that match both (AND), while separate items are alternatives (OR);
 * an empty selector selects everything in its scope. {@code ipBlock} (with {@code except}) matches
 * addresses outside the pod network; whether it matches pod IPs is left to the network plugin, so it
 * is never taken to match a pod.
 */
final class PolicyPeers {

    private PolicyPeers() {
    }

    static boolean admit(ResourceGraph graph, String policyNamespace, String policyName, Optional<YMap> rule,
                         String field, Peer peer, List<String> notes) {
        List<YMap> peers = rule.map(r -> r.maps(field)).orElse(List.of());
        if (peers.isEmpty()) {
            return true;
        }
        for (YMap p : peers) {
            if (matches(graph, policyNamespace, policyName, p, peer, notes)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(ResourceGraph graph, String policyNamespace, String policyName, YMap p, Peer peer, List<String> notes) {
        Optional<YMap> ipBlock = p.map("ipBlock");
        if (ipBlock.isPresent()) {
            return peer.outside() && inBlock(ipBlock.get(), peer, policyNamespace + "/" + policyName, notes);
        }
        if (peer.outside()) {
            return false;
        }
        Optional<YMap> podSelector = p.map("podSelector");
        Optional<YMap> nsSelector = p.map("namespaceSelector");
        if (podSelector.isEmpty() && nsSelector.isEmpty()) {
            return false; // the API server refuses a peer with no field; nothing to match
        }
        boolean namespaceOk = nsSelector.isEmpty()
                ? peer.namespace().equals(policyNamespace)
                : Selectors.matches(nsSelector.get(), NamespaceLabels.of(graph, peer.namespace(), notes));
        return namespaceOk && podSelector.map(s -> Selectors.matches(s, peer.labels())).orElse(true);
    }

    private static boolean inBlock(YMap block, Peer peer, String policy, List<String> notes) {
        Optional<Cidr> cidr = block.str("cidr").flatMap(Cidr::parse);
        if (cidr.isEmpty()) {
            return false;
        }
        List<Cidr> except = block.strings("except").stream().flatMap(e -> Cidr.parse(e).stream()).toList();
        Optional<Cidr> address = peer.address().flatMap(Cidr::parse);
        if (address.isPresent()) {
            return cidr.get().contains(address.get()) && except.stream().noneMatch(e -> e.contains(address.get()));
        }
        if (!cidr.get().everything() || !except.isEmpty()) {
            notes.add("the address of " + peer.name() + " is unknown; assumed inside ipBlock " + block.strOr("cidr", "")
                    + (except.isEmpty() ? "" : " and outside its except") + " of NetworkPolicy " + policy);
        }
        return true;
    }
}
