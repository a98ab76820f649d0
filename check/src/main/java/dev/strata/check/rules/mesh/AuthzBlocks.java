package dev.strata.check.rules.mesh;

import dev.strata.check.flows.FlowResult;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.network.BlockedFlows;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reports the flows of a kind an Istio AuthorizationPolicy blocks, with the principal it did not admit. */
final class AuthzBlocks {

    private AuthzBlocks() {
    }

    static void report(Resource object, RuleContext ctx, String flowKind, String peer) {
        Set<String> messages = new LinkedHashSet<>();
        for (FlowResult r : BlockedFlows.decidedBy(ctx.graph(), object, flowKind)) {
            String who = peer.isEmpty() ? BlockedFlows.source(r) : peer + " " + BlockedFlows.source(r);
            messages.add("blocks " + who + " from " + BlockedFlows.target(r) + ", " + BlockedFlows.purpose(r) + ": " + r.verdict().reason());
        }
        messages.forEach(ctx::report);
    }
}
