package dev.strata.check.rules.gitops;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.SourceTree;
import dev.strata.check.load.ArgoSources;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.Optional;

/**
 * An Application whose source path is missing from this repository syncs nothing. Fires only when
 * the Application's repoURL is known to be this repository (its git remote, or the repoURL of another
 * Application whose path resolves), since a path in another repository cannot be checked.
 */
public final class SourcePathMissingRule extends BaseRule {

    public SourcePathMissingRule() {
        super(RuleInfo.across("argo-app-source-path-missing", Category.GITOPS, Severity.ERROR,
                "An Argo CD Application's source path does not exist in the repository it points to (this tree).",
                "Fix spec.source.path to a directory of the repository, relative to its root.").appliesTo("argoproj.io/Application"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        SourceTree tree = ctx.graph().tree();
        for (YMap source : ArgoSources.of(object)) {
            Optional<String> path = source.str("path");
            String repo = SourceTree.normalizeUrl(source.strOr("repoURL", ""));
            if (path.isEmpty() || source.has("chart") || tree.resolve(path.get()).isPresent()) {
                continue;
            }
            if (tree.repoUrls().contains(repo) || otherAppResolves(ctx, repo)) {
                ctx.report(source.keyLine("path"), "source path " + path.get() + " does not exist in this repository");
            }
        }
    }

    private static boolean otherAppResolves(RuleContext ctx, String repo) {
        for (Resource app : ctx.graph().ofKind("Application")) {
            for (YMap s : ArgoSources.of(app)) {
                if (SourceTree.normalizeUrl(s.strOr("repoURL", "")).equals(repo) && s.str("path").isPresent()
                        && ctx.graph().tree().resolve(s.str("path").get()).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }
}
