package dev.strata.check.rules.reliability;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;

/** Without a memory limit one container can take a node's memory. */
public final class MissingMemoryLimitRule extends PodRule {

    public MissingMemoryLimitRule() {
        super(RuleInfo.of("missing-memory-limit", Category.RESOURCES, Severity.WARNING,
                "A container sets no memory limit, so a leak can exhaust the node.",
                "Set resources.limits.memory on every container."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        for (PodTemplate.Container c : pod.allContainers()) {
            if (c.spec().path("resources", "limits").map(l -> !l.has("memory")).orElse(true)) {
                ctx.report(c.spec().line(), "container " + c.name() + " has no memory limit");
            }
        }
    }
}
