package dev.strata.check.rules.reliability;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import java.util.Optional;

/** An HPA whose minimum exceeds its maximum is rejected by the API server. */
public final class HpaMinExceedsMaxRule extends BaseRule {

    public HpaMinExceedsMaxRule() {
        super(RuleInfo.of("hpa-min-exceeds-max", Category.RELIABILITY, Severity.ERROR,
                "A HorizontalPodAutoscaler has minReplicas above maxReplicas.",
                "Set minReplicas at or below maxReplicas.").appliesTo("autoscaling/HorizontalPodAutoscaler"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        long min = object.spec().integer("minReplicas").orElse(1L);
        Optional<Long> max = object.spec().integer("maxReplicas");
        if (max.isPresent() && min > max.get()) {
            ctx.report(object.spec().keyLine("minReplicas"), "minReplicas " + min + " exceeds maxReplicas " + max.get());
        }
    }
}
