package dev.strata.check.rules.gitops;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;

/**
 * Since Argo CD 1.8 an Application has no health of its own, so in app-of-apps a sync wave of
 * Applications does not wait for the previous wave to be healthy unless argocd-cm restores the
 * Application health check. Fires on the argocd-cm ConfigMap when Applications in the input use waves.
 */
public final class AppHealthCheckRule extends BaseRule {

    static final String KEY = "resource.customizations.health.argoproj.io_Application";

    public AppHealthCheckRule() {
        super(RuleInfo.across("app-health-check-missing", Category.GITOPS, Severity.ERROR,
                "Applications use sync waves but argocd-cm has no health check for Applications, so a wave does not wait for the previous one to be healthy (Argo CD 1.8+).",
                "Add resource.customizations.health.argoproj.io_Application (the Lua check from the Argo CD docs) to argocd-cm.").appliesTo("ConfigMap"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (!object.name().equals("argocd-cm")) {
            return;
        }
        boolean configured = object.root().map("data").map(d -> d.has(KEY)).orElse(false)
                || object.root().map("data").flatMap(d -> d.str("resource.customizations"))
                        .map(t -> t.contains("argoproj.io/Application")).orElse(false);
        if (configured) {
            return;
        }
        long waved = ctx.graph().ofKind("Application").stream()
                .filter(a -> a.group().equals("argoproj.io") && a.annotation(CrdSyncWaveRule.WAVE).isPresent()).count();
        if (waved > 0) {
            ctx.report(object.root().has("data") ? object.root().keyLine("data") : object.line(), waved
                    + (waved == 1 ? " application uses" : " applications use")
                    + " sync waves but argocd-cm has no " + KEY + "; waves do not wait for health");
        }
    }
}
