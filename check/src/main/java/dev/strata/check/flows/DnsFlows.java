package dev.strata.check.flows;

import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.ResourceGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Apps → DNS: every pod that resolves through the cluster DNS (dnsPolicy ClusterFirst, the default;
 * not the host network, not Default or None) queries kube-dns in kube-system on UDP and TCP 53.
 * CoreDNS is rarely in the input: it is then assumed with the labels and port names its manifests
 * use ({@code k8s-app=kube-dns}, ports {@code dns}/UDP and {@code dns-tcp}/TCP).
 */
final class DnsFlows implements FlowSource {

    static final String KIND = "dns";
    static final String NAMESPACE = "kube-system";
    static final Map<String, String> LABELS = Map.of("k8s-app", "kube-dns");

    @Override
    public List<Flow> flows(ResourceGraph graph) {
        List<Peer> servers = servers(graph);
        List<Flow> out = new ArrayList<>();
        for (PodTemplate t : graph.allPodTemplates()) {
            String policy = t.podSpec().strOr("dnsPolicy", "ClusterFirst");
            boolean hostNetwork = t.podSpec().bool("hostNetwork").orElse(false);
            if (policy.equals("Default") || policy.equals("None") || (hostNetwork && !policy.equals("ClusterFirstWithHostNet"))
                    || (t.owner().namespace().equals(NAMESPACE) && "kube-dns".equals(t.labels().get("k8s-app")))) {
                continue;
            }
            Peer app = Peer.of(t);
            for (Peer dns : servers) {
                out.add(new Flow(KIND, app, dns, new Port(53, "dns", "UDP"), new Via("dnsPolicy", "", policy, "")));
                out.add(new Flow(KIND, app, dns, new Port(53, "dns-tcp", "TCP"), new Via("dnsPolicy", "", policy, "")));
            }
        }
        return out;
    }

    private static List<Peer> servers(ResourceGraph graph) {
        List<Peer> found = graph.podTemplatesMatching(NAMESPACE, LABELS).stream().map(Peer::of).toList();
        if (!found.isEmpty()) {
            return found;
        }
        return List.of(Peer.assumed(NAMESPACE + "/kube-dns[CoreDNS]", NAMESPACE, LABELS, "coredns",
                "the cluster DNS is not in the input; assumed pods in kube-system labelled k8s-app=kube-dns serving port dns (UDP 53) and dns-tcp (TCP 53)"));
    }
}
