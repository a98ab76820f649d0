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
 * A NetworkPolicy that keeps a Gateway (or an Ingress controller) from a route's backend, on either
 * side: the backend's ingress or the gateway's egress. Read from the connectivity model (the flows
 * gateway → backend); reported on the policy that decided the flow (the first by name of those that
 * isolate the refusing side).
 */
public final class BlocksGatewayRule extends BaseRule {

    public BlocksGatewayRule() {
        super(RuleInfo.across("networkpolicy-blocks-gateway", Category.NETWORK, Severity.ERROR,
                "A NetworkPolicy denies the Gateway the port of a Service an HTTPRoute sends traffic to, so the route returns errors.",
                "Allow ingress on the backend port from the Gateway's namespace and pods.").appliesTo("networking.k8s.io/NetworkPolicy"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        Set<String> messages = new LinkedHashSet<>();
        for (FlowResult r : BlockedFlows.decidedBy(ctx.graph(), object, "gateway")) {
            messages.add("blocks gateway " + BlockedFlows.source(r) + " from " + BlockedFlows.target(r) + ", " + BlockedFlows.purpose(r));
        }
        messages.forEach(ctx::report);
    }
}
