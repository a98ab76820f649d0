package dev.strata.check.rules.tiering;

import dev.strata.check.Category;
import dev.strata.check.ClusterModel;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;

/**
 * Surfaces the capacity findings the planner put in the cluster model on the objects they name
 * (findings naming no object in the input are added by the engine on the tree).
 */
public final class CapacityRule extends BaseRule {

    public CapacityRule() {
        super(RuleInfo.across("capacity-exceeds-tier", Category.CAPACITY, Severity.ERROR,
                "The capacity plan found that requests do not fit the nodes of a tier (or a pod fits no node).",
                "Lower the requests or replicas, or add capacity to the tier in platform.yaml; see strata plan."));
    }

    @Override
    public boolean needsClusterModel() {
        return true;
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        for (ClusterModel.CapacityFinding f : ctx.clusterModel().orElseThrow().capacityFindings()) {
            if (f.object().isPresent() && f.object().get().kind().equals(object.kind())
                    && f.object().get().namespace().equals(object.namespace())
                    && f.object().get().name().equals(object.name())) {
                ctx.report(object.line(), f.message(), f.severity());
            }
        }
    }
}
