package dev.strata.check.rules.supplychain;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.load.ArgoSources;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;

/** A Git source on HEAD follows whatever the default branch points to. */
public final class TargetRevisionHeadRule extends BaseRule {

    public TargetRevisionHeadRule() {
        super(RuleInfo.of("target-revision-head", Category.SUPPLY_CHAIN, Severity.WARNING,
                "An Argo CD Application's Git source tracks HEAD (or sets no targetRevision), so the default branch of the remote decides what is deployed.",
                "Set targetRevision to a named branch, a tag or a commit.").appliesTo("argoproj.io/Application"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        for (YMap source : ArgoSources.of(object)) {
            if (source.has("chart")) {
                continue;
            }
            String revision = source.strOr("targetRevision", "");
            if (revision.isEmpty() || revision.equals("HEAD")) {
                ctx.report(source.line(), "source " + source.strOr("path", source.strOr("repoURL", "?"))
                        + " tracks " + (revision.isEmpty() ? "HEAD (no targetRevision)" : "HEAD"));
            }
        }
    }
}
