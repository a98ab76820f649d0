package dev.strata.check.rules.network;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.flows.FlowResult;
import dev.strata.check.flows.PolicyTypes;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.Comparator;
import java.util.List;

/**
 * Restricting egress without allowing DNS breaks every name lookup in the namespace. Where the
 * namespace's pods are in the input, the connectivity model decides (the flows app → kube-dns on
 * UDP and TCP 53, reported on the policy that blocks them); where they are not, a policy restricting
 * egress with no rule that could admit port 53 in the namespace is reported.
 */
public final class EgressWithoutDnsRule extends BaseRule {

    public EgressWithoutDnsRule() {
        super(RuleInfo.across("egress-deny-without-dns", Category.NETWORK, Severity.ERROR,
                "NetworkPolicies restrict egress in a namespace but none allows DNS (port 53), so pods cannot resolve names.",
                "Add an egress rule allowing UDP and TCP port 53 to kube-system (kube-dns).").appliesTo("networking.k8s.io/NetworkPolicy"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (!PolicyTypes.of(object).contains("Egress")) {
            return;
        }
        String ns = object.namespace().isEmpty() ? "(unset)" : object.namespace();
        if (!ctx.graph().podTemplates(object.namespace()).isEmpty()) {
            List<FlowResult> blocked = BlockedFlows.decidedBy(ctx.graph(), object, "dns");
            if (!blocked.isEmpty()) {
                String pods = blocked.stream().map(r -> r.flow().from().name()).distinct().sorted().reduce((a, b) -> a + ", " + b).orElse("");
                ctx.report("egress is restricted in namespace " + ns + " and no policy allows dns (port 53) for " + pods);
            }
            return;
        }
        List<Resource> egress = ctx.graph().ofKind("NetworkPolicy").stream()
                .filter(np -> np.is("networking.k8s.io", "NetworkPolicy"))
                .filter(np -> np.namespace().equals(object.namespace()) && PolicyTypes.of(np).contains("Egress"))
                .sorted(Comparator.comparing(Resource::name)).toList();
        if (egress.getFirst() != object) {
            return;
        }
        for (Resource np : egress) {
            for (YMap rule : np.spec().maps("egress")) {
                List<YMap> ports = rule.maps("ports");
                if (ports.isEmpty() || ports.stream().anyMatch(p -> List.of("53", "dns", "dns-tcp").contains(p.strOr("port", ""))
                        || p.str("port").isEmpty())) {
                    return;
                }
            }
        }
        ctx.report("egress is restricted in namespace " + ns + " and no policy allows dns (port 53)");
    }
}
