package dev.strata.check.flows;

import dev.strata.check.graph.PodTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One end of a flow: the pods of a workload in the input, pods the input implies but does not hold
 * (a Gateway's deployment, Prometheus run by its operator, CoreDNS), or an address outside the pod
 * network (the API server, an external host).
 *
 * @param name        what a reader calls it: {@code app/web[Deployment]}, {@code kube-apiserver}
 * @param namespace   its namespace ("" outside the pod network)
 * @param labels      pod labels, known or assumed (see {@code assumptions})
 * @param pod         the pod template when the workload is in the input
 * @param outside     outside the pod network: only an ipBlock matches it
 * @param address     an IP address or CIDR when known (outside peers)
 * @param serviceAccount the pods' service account, for Istio principals
 * @param istioGateway an Istio gateway's Envoy: it has a mesh identity wherever it runs
 * @param assumptions what had to be assumed to describe it
 */
public record Peer(String name, String namespace, Map<String, String> labels, Optional<PodTemplate> pod,
                   boolean outside, Optional<String> address, String serviceAccount, boolean istioGateway,
                   List<String> assumptions) {

    public Peer {
        labels = Map.copyOf(labels);
        assumptions = List.copyOf(assumptions);
    }

    /** The pods of a workload in the input. */
    public static Peer of(PodTemplate t) {
        String sa = t.podSpec().str("serviceAccountName").or(() -> t.podSpec().str("serviceAccount")).orElse("default");
        return new Peer(t.owner().namespace() + "/" + t.owner().name() + "[" + t.owner().kind() + "]", t.owner().namespace(),
                t.labels(), Optional.of(t), false, Optional.empty(), sa, false, List.of());
    }

    /** Pods the input implies but does not hold, described by what is assumed of them. */
    public static Peer assumed(String name, String namespace, Map<String, String> labels, String serviceAccount,
                               String assumption) {
        return new Peer(name, namespace, labels, Optional.empty(), false, Optional.empty(), serviceAccount, false,
                List.of(assumption));
    }

    /** A caller or callee outside the pod network. */
    public static Peer outside(String name, Optional<String> address, String assumption) {
        return new Peer(name, "", Map.of(), Optional.empty(), true, address, "", false, List.of(assumption));
    }

    public Peer asIstioGateway() {
        return new Peer(name, namespace, labels, pod, outside, address, serviceAccount, true, assumptions);
    }

    public boolean inInput() {
        return pod.isPresent();
    }

    public boolean hostNetwork() {
        return pod.flatMap(t -> t.podSpec().bool("hostNetwork")).orElse(false);
    }
}
