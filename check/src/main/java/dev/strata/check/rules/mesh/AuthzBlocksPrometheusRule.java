package dev.strata.check.rules.mesh;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;

/**
 * An Istio AuthorizationPolicy that keeps Prometheus from a port a ServiceMonitor or PodMonitor
 * scrapes: ALLOW policies apply to the target and none admits Prometheus (its principal, or — when
 * Prometheus is not in the mesh — a rule without source identity), or a DENY rule matches it.
 */
public final class AuthzBlocksPrometheusRule extends BaseRule {

    public AuthzBlocksPrometheusRule() {
        super(RuleInfo.across("authz-blocks-prometheus", Category.MESH, Severity.ERROR,
                "An Istio AuthorizationPolicy on a scraped workload does not admit Prometheus on the monitored port (or denies it), so the target stays down.",
                "Add an ALLOW rule for the metrics port whose source is Prometheus's principal (cluster.local/ns/<namespace>/sa/<account>), or, when Prometheus is outside the mesh, a rule for that port without a source.").appliesTo("security.istio.io/AuthorizationPolicy"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        AuthzBlocks.report(object, ctx, "prometheus", "prometheus");
    }
}
