package dev.strata.check.rules.gitops;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.Optional;

/** Automated sync without prune leaves deleted objects running. */
public final class PruneDisabledRule extends BaseRule {

    public PruneDisabledRule() {
        super(RuleInfo.of("argo-app-prune-disabled", Category.GITOPS, Severity.WARNING,
                "An Argo CD Application syncs automatically but does not prune, so objects removed from Git keep running.",
                "Set spec.syncPolicy.automated.prune: true.").appliesTo("argoproj.io/Application"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        Optional<YMap> syncPolicy = object.spec().map("syncPolicy");
        if (syncPolicy.isEmpty() || !syncPolicy.get().has("automated")) {
            return;
        }
        YMap automated = syncPolicy.get().map("automated").orElse(YMap.empty());
        if (!automated.bool("prune").orElse(false)) {
            ctx.report(syncPolicy.get().keyLine("automated"), "automated sync does not prune");
        }
    }
}
