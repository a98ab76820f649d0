package dev.strata.check.rules.reliability;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.List;

/** Requests are what the scheduler and the capacity plan count. */
public final class MissingRequestsRule extends PodRule {

    public MissingRequestsRule() {
        super(RuleInfo.of("missing-requests", Category.RESOURCES, Severity.WARNING,
                "A container sets no cpu or memory request, so the scheduler and the capacity plan cannot count it.",
                "Set resources.requests.cpu and resources.requests.memory on every container."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        for (PodTemplate.Container c : pod.allContainers()) {
            YMap requests = c.spec().path("resources", "requests").orElse(YMap.empty());
            List<String> missing = new ArrayList<>();
            for (String r : List.of("cpu", "memory")) {
                if (!requests.has(r)) {
                    missing.add(r);
                }
            }
            if (!missing.isEmpty()) {
                ctx.report(c.spec().line(), "container " + c.name() + " has no " + String.join(" or ", missing)
                        + " request");
            }
        }
    }
}
