package dev.strata.check.rules.network;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.check.yaml.YMap;
import java.util.Comparator;
import java.util.List;

/** Restricting egress without allowing DNS breaks every name lookup in the namespace. */
public final class EgressWithoutDnsRule extends BaseRule {

    public EgressWithoutDnsRule() {
        super(RuleInfo.across("egress-deny-without-dns", Category.NETWORK, Severity.ERROR,
                "NetworkPolicies restrict egress in a namespace but none allows DNS (port 53), so pods cannot resolve names.",
                "Add an egress rule allowing UDP and TCP port 53 to kube-system (kube-dns)."));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (!NetworkPolicies.isPolicy(object) || !NetworkPolicies.has(object, "Egress")) {
            return;
        }
        List<Resource> egress = ctx.graph().ofKind("NetworkPolicy").stream()
                .filter(NetworkPolicies::isPolicy)
                .filter(np -> np.namespace().equals(object.namespace()) && NetworkPolicies.has(np, "Egress"))
                .sorted(Comparator.comparing(Resource::name)).toList();
        if (egress.getFirst() != object) {
            return;
        }
        for (Resource np : egress) {
            for (YMap rule : np.spec().maps("egress")) {
                List<YMap> ports = rule.maps("ports");
                if (ports.isEmpty() || ports.stream().anyMatch(p -> List.of("53", "dns", "dns-tcp")
                        .contains(p.strOr("port", "")))) {
                    return;
                }
            }
        }
        ctx.report("egress is restricted in namespace " + (object.namespace().isEmpty() ? "(unset)" : object.namespace())
                + " and no policy allows dns (port 53)");
    }
}
