package dev.strata.check.rules.supplychain;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.load.ArgoSources;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.regex.Pattern;

/** A Helm chart from a repository must be pinned to one version. */
public final class UnpinnedChartVersionRule extends BaseRule {

    private static final Pattern RANGE = Pattern.compile("[\\^~*><=|xX ]|^$|HEAD");

    public UnpinnedChartVersionRule() {
        super(RuleInfo.of("unpinned-chart-version", Category.SUPPLY_CHAIN, Severity.ERROR,
                "An Argo CD Application installs a Helm chart without an exact version (empty, *, a range or HEAD).",
                "Set targetRevision to the exact chart version, e.g. 1.16.2.").appliesTo("argoproj.io/Application"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        for (YMap source : ArgoSources.of(object)) {
            if (source.str("chart").isEmpty()) {
                continue;
            }
            String version = source.strOr("targetRevision", "");
            if (RANGE.matcher(version).find()) {
                ctx.report(source.line(), "chart " + source.str("chart").get()
                        + (version.isEmpty() ? " has no targetRevision" : " version \"" + version + "\" is not pinned"));
            }
        }
    }
}
