package dev.strata.check.rules.gitops;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;

/** Applications without automated sync drift until someone clicks Sync. */
public final class NoAutomatedSyncRule extends BaseRule {

    public NoAutomatedSyncRule() {
        super(RuleInfo.of("argo-app-no-automated-sync", Category.GITOPS, Severity.WARNING,
                "An Argo CD Application has no automated sync policy, so commits are not applied until someone syncs by hand.",
                "Set spec.syncPolicy.automated (with prune: true and selfHeal: true).").appliesTo("argoproj.io/Application"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (object.spec().path("syncPolicy", "automated").isEmpty()
                && !object.spec().path("syncPolicy").map(p -> p.has("automated")).orElse(false)) {
            ctx.report(object.spec().has("syncPolicy") ? object.spec().keyLine("syncPolicy") : object.line(),
                    "sync is manual (no syncPolicy.automated)");
        }
    }
}
