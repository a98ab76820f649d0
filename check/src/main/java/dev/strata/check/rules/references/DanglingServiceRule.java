package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.Selectors;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import java.util.Map;

/** A Service whose selector matches no pod sends traffic nowhere. */
public final class DanglingServiceRule extends BaseRule {

    public DanglingServiceRule() {
        super(RuleInfo.across("dangling-service", Category.REFERENCES, Severity.ERROR,
                "A Service's selector matches no pod template in its namespace, so it has no endpoints.",
                "Make spec.selector equal to labels of the workload's pod template (spec.template.metadata.labels).").appliesTo("Service"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (object.spec().strOr("type", "").equals("ExternalName")) {
            return;
        }
        Map<String, String> selector = object.spec().stringMap("selector");
        if (selector.isEmpty() || !Services.selected(object, ctx.graph()).isEmpty()) {
            return;
        }
        String message = "selector " + Selectors.display(selector) + " matches no pod template";
        int line = object.spec().keyLine("selector");
        if (ctx.graph().ownsWorkloads(object.namespace())) {
            ctx.report(line, message);
        } else {
            ctx.report(line, message + " in the input (the pods may be created outside it)", Severity.WARNING);
        }
    }
}
