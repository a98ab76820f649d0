package dev.strata.check.rule;

import dev.strata.check.Severity;
import dev.strata.check.graph.ResourceGraph;

/**
 * Applies the reference policy: a missing target in a namespace the input owns is reported with
 * the rule's severity; otherwise it may exist outside the checked input and is a warning that says so.
 */
public final class References {

    private References() {
    }

    public static void missing(RuleContext ctx, Severity ruleSeverity, String kind, String namespace, int line,
                               String message) {
        ResourceGraph graph = ctx.graph();
        if (graph.owns(kind, namespace)) {
            ctx.report(line, message, ruleSeverity);
        } else {
            ctx.report(line, message + " in the input (it may be created outside it)", Severity.WARNING);
        }
    }
}
