package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.Selectors;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;

/** A PDB selecting no pods protects nothing. */
public final class DanglingPdbRule extends BaseRule {

    public DanglingPdbRule() {
        super(RuleInfo.across("dangling-pdb", Category.REFERENCES, Severity.ERROR,
                "A PodDisruptionBudget's selector matches no pod template in its namespace.",
                "Make spec.selector match the labels of the workload the budget protects.").appliesTo("policy/PodDisruptionBudget"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        YMap selector = object.spec().map("selector").orElse(YMap.empty());
        if (!ctx.graph().podTemplatesMatching(object.namespace(), selector).isEmpty()) {
            return;
        }
        String message = "selector " + Selectors.display(selector) + " matches no pod template";
        if (ctx.graph().ownsWorkloads(object.namespace())) {
            ctx.report(object.spec().keyLine("selector"), message);
        } else {
            ctx.report(object.spec().keyLine("selector"), message + " in the input (the pods may be created outside it)",
                    Severity.WARNING);
        }
    }
}
