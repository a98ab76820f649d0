package dev.strata.check.rules.tiering;

import dev.strata.check.Category;
import dev.strata.check.ClusterModel;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.rule.ModelRule;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;

/** Surfaces the capacity findings the planner put in the cluster model, on the objects they name when those are in the input. */
public final class CapacityRule extends BaseRule implements ModelRule {

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
        // a model rule: see checkModel
    }

    @Override
    public void checkModel(ClusterModel model, ResourceGraph graph, Reporter reporter) {
        for (ClusterModel.CapacityFinding f : model.capacityFindings()) {
            reporter.report(f.object(), f.severity(), f.message());
        }
    }
}
