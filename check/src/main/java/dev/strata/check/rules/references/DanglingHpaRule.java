package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.References;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;

/** An HPA scaling a workload that does not exist. */
public final class DanglingHpaRule extends BaseRule {

    public DanglingHpaRule() {
        super(RuleInfo.across("dangling-hpa", Category.REFERENCES, Severity.ERROR,
                "A HorizontalPodAutoscaler's scaleTargetRef names a workload that does not exist.",
                "Point scaleTargetRef at the Deployment or StatefulSet's kind and name.").appliesTo("autoscaling/HorizontalPodAutoscaler"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        YMap ref = object.spec().map("scaleTargetRef").orElse(YMap.empty());
        String kind = ref.strOr("kind", "");
        String name = ref.strOr("name", "");
        if (kind.isEmpty() || name.isEmpty() || ctx.graph().exists(kind, object.namespace(), name)) {
            return;
        }
        References.missing(ctx, info().severity(), kind, object.namespace(), ref.line(),
                "scale target " + kind + "/" + name + " does not exist");
    }
}
