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

    /**
     * Whether the object is created outside the tree: by an operator for a custom resource in the input
     * (CloudNativePG's {@code <cluster>-app} Secret), or — as the platform declares — by strata up or a
     * controller at run time; namespace {@code *}: in every namespace (istiod's istio-ca-root-cert).
     */
    public static boolean createdOutside(RuleContext ctx, String kind, String namespace, String name) {
        return ctx.graph().madeByOperator(kind, namespace, name) || ctx.clusterModel().map(m -> m.createdOutside().stream().anyMatch(o -> o.kind().equals(kind)
                && (o.namespace().equals(namespace) || o.namespace().equals("*")) && o.name().equals(name))).orElse(false);
    }

    public static void missing(RuleContext ctx, Severity ruleSeverity, String kind, String namespace, int line,
                               String message) {
        missing(ctx, ruleSeverity, kind, namespace, line, message, "");
    }

    /**
     * As {@link #missing(RuleContext, Severity, String, String, int, String)}; in a namespace the input
     * owns, the message goes on to say what could have created it ({@code producers}).
     */
    public static void missing(RuleContext ctx, Severity ruleSeverity, String kind, String namespace, int line,
                               String message, String producers) {
        ResourceGraph graph = ctx.graph();
        if (graph.owns(kind, namespace)) {
            ctx.report(line, producers.isEmpty() ? message : message + " and nothing creates it: " + producers, ruleSeverity);
        } else {
            ctx.report(line, message + " in the input (it may be created outside it)", Severity.WARNING);
        }
    }
}
