package dev.strata.check.rules.gitops;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.Locale;

/** An HPA fights a replicas count that Argo CD keeps resetting. */
public final class ReplicasManagedByHpaRule extends BaseRule {

    public ReplicasManagedByHpaRule() {
        super(RuleInfo.across("replicas-managed-by-hpa", Category.GITOPS, Severity.WARNING,
                "A workload sets spec.replicas while a HorizontalPodAutoscaler scales it, so every sync resets what the autoscaler chose.",
                "Remove spec.replicas from the workload (or ignore it in the Application's ignoreDifferences)."));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (!object.spec().has("replicas")) {
            return;
        }
        for (Resource hpa : ctx.graph().ofKind("HorizontalPodAutoscaler")) {
            YMap ref = hpa.spec().map("scaleTargetRef").orElse(YMap.empty());
            if (hpa.namespace().equals(object.namespace()) && ref.strOr("kind", "").equals(object.kind())
                    && ref.strOr("name", "").equals(object.name())) {
                ctx.report(object.spec().keyLine("replicas"), "replicas is set to "
                        + object.spec().strOr("replicas", "?") + " while HorizontalPodAutoscaler " + hpa.name()
                        + " scales this " + object.kind().toLowerCase(Locale.ROOT));
                return;
            }
        }
    }
}
