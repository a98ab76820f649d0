package dev.strata.check.rules.network;

import dev.strata.check.flows.FlowMatrix;
import dev.strata.check.flows.FlowResult;
import dev.strata.check.flows.PolicyTypes;
import dev.strata.check.flows.Verdict;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.graph.Selectors;
import dev.strata.yaml.tree.YMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the connectivity model for rules: the blocked flows a policy decided, and how to name their parts. */
public final class BlockedFlows {

    private BlockedFlows() {
    }

    /** Blocked flows of a kind that this policy (NetworkPolicy or AuthorizationPolicy) decided. */
    public static List<FlowResult> decidedBy(ResourceGraph graph, Resource policy, String flowKind) {
        return FlowMatrix.of(graph).ofKind(flowKind).stream()
                .filter(r -> !r.allowed())
                .filter(r -> r.verdict().decidedBy().stream().anyMatch(d -> is(d, policy)))
                .toList();
    }

    /**
     * Blocked flows of a kind whose destination refused them on ingress while this NetworkPolicy
     * selects it for ingress (whichever of its policies is named as the decider).
     */
    public static List<FlowResult> refusedOnIngressBy(ResourceGraph graph, Resource np, String flowKind) {
        return FlowMatrix.of(graph).ofKind(flowKind).stream()
                .filter(r -> !r.allowed())
                .filter(r -> r.verdict().decidedBy().stream().anyMatch(d -> d.kind().equals("NetworkPolicy")
                        && d.side().equals("ingress") && d.namespace().equals(np.namespace())))
                .filter(r -> r.flow().to().namespace().equals(np.namespace())
                        && PolicyTypes.of(np).contains("Ingress")
                        && Selectors.matches(np.spec().map("podSelector")
                        .orElse(YMap.empty()), r.flow().to().labels()))
                .toList();
    }

    static boolean is(Verdict.Decider d, Resource policy) {
        return d.kind().equals(policy.kind()) && d.namespace().equals(policy.namespace()) && d.name().equals(policy.name());
    }

    /** {@code port 9090 of deployment web}, with the HBONE port when the network sees that one. */
    public static String target(FlowResult r) {
        Optional<PodTemplate> pod = r.flow().to().pod();
        String what = pod.map(t -> t.owner().kind().toLowerCase(Locale.ROOT) + " " + t.owner().name()).orElse(r.flow().to().name());
        boolean hbone = r.verdict().notes().stream().anyMatch(n -> n.contains("HBONE"))
                && r.verdict().decidedBy().stream().anyMatch(d -> d.kind().equals("NetworkPolicy"));
        return "port " + r.flow().port().number() + (hbone ? " (HBONE 15008)" : "") + " of " + what;
    }

    /** The source without the kind suffix of an assumed peer: {@code gateway/public}. */
    public static String source(FlowResult r) {
        return r.flow().from().name().replaceAll("\\[(Gateway|Prometheus|IngressController)]$", "");
    }

    /** {@code a backend of HTTPRoute web} or {@code scraped by ServiceMonitor web}. */
    public static String purpose(FlowResult r) {
        String by = r.flow().via().kind() + " " + r.flow().via().name();
        return r.flow().kind().equals("prometheus") ? "scraped by " + by : "a backend of " + by;
    }
}
