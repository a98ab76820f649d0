package dev.strata.check.rules.platform;

import dev.strata.check.Category;
import dev.strata.check.ClusterModel;
import dev.strata.check.ObjectRef;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.rule.ModelRule;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import java.util.Optional;

/**
 * A component installed without the configuration it needs to do anything: MetalLB with no address
 * pool hands out no address, Velero with no storage location backs nothing up. The platform declares
 * what each component needs (the catalog); a component left without it on purpose says so
 * ({@code inert: reason}) and is not reported.
 */
public final class ComponentInertRule extends BaseRule implements ModelRule {

    public ComponentInertRule() {
        super(RuleInfo.across("component-inert", Category.GITOPS, Severity.ERROR,
                "A platform component is installed without the configuration it needs to do anything (MetalLB without an address pool, Velero without a backup location), so it runs and does nothing.",
                "Add the configuration it needs, or switch it off, or declare it inert in platform.yaml with the reason (components.<id>.inert)."));
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
        for (ClusterModel.ComponentNeeds c : model.components()) {
            if (c.inert().isPresent()) {
                continue;
            }
            for (String unmet : c.unmet()) {
                reporter.report(Optional.<ObjectRef>empty(), info().severity(), c.id() + " does nothing: " + unmet);
            }
            for (ClusterModel.Need need : c.needs()) {
                boolean present = graph.ofKind(need.kind()).stream().anyMatch(r -> r.group().equals(need.group()));
                if (!present) {
                    reporter.report(Optional.<ObjectRef>empty(), info().severity(), c.id() + " does nothing without a " + need.kind()
                            + " (" + need.group() + "): " + need.purpose() + "; none is in the tree");
                }
            }
        }
    }
}
