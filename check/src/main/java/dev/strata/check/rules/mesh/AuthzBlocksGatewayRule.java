package dev.strata.check.rules.mesh;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;

/**
 * An Istio AuthorizationPolicy that keeps the gateway from a route's backend: ALLOW policies apply
 * to the backend and none admits the gateway's principal (or namespace) on the backend port, or a
 * DENY rule matches it. Read from the connectivity model (the flows gateway → backend).
 */
public final class AuthzBlocksGatewayRule extends BaseRule {

    public AuthzBlocksGatewayRule() {
        super(RuleInfo.across("authz-blocks-gateway", Category.MESH, Severity.ERROR,
                "An Istio AuthorizationPolicy on a route's backend does not admit the gateway's principal or namespace on the backend port (or denies it), so the route returns 403 or resets.",
                "Add an ALLOW rule whose source.principals holds the gateway's service account (cluster.local/ns/<namespace>/sa/<account>) and whose operation.ports holds the backend port.").appliesTo("security.istio.io/AuthorizationPolicy"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        AuthzBlocks.report(object, ctx, "gateway", "gateway");
    }
}
