package dev.strata.check.rules.network;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.flows.FlowResult;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A NetworkPolicy that keeps Prometheus from a port a ServiceMonitor or PodMonitor scrapes, on the
 * target's ingress or Prometheus's egress. Read from the connectivity model (the flows Prometheus →
 * monitored port); Prometheus is found as in {@code PrometheusPods} (assumed in namespace monitoring
 * when the input has none).
 */
public final class BlocksPrometheusRule extends BaseRule {

    public BlocksPrometheusRule() {
        super(RuleInfo.across("networkpolicy-blocks-prometheus", Category.NETWORK, Severity.ERROR,
                "A NetworkPolicy denies Prometheus the port a ServiceMonitor or PodMonitor scrapes, so the target stays down.",
                "Allow ingress on the metrics port from the Prometheus namespace (namespaceSelector kubernetes.io/metadata.name).").appliesTo("networking.k8s.io/NetworkPolicy"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        Set<String> messages = new LinkedHashSet<>();
        for (FlowResult r : BlockedFlows.decidedBy(ctx.graph(), object, "prometheus")) {
            messages.add("blocks prometheus (namespace " + r.flow().from().namespace() + ") from " + BlockedFlows.target(r)
                    + ", " + BlockedFlows.purpose(r));
        }
        messages.forEach(ctx::report);
    }
}
