package dev.strata.check.rules.reliability;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;

/** Long-running containers need a liveness probe so a hung process is restarted. */
public final class LivenessProbeRule extends PodRule {

    public LivenessProbeRule() {
        super(RuleInfo.of("missing-liveness-probe", Category.RELIABILITY, Severity.WARNING,
                "A long-running container has no liveness probe, so a hung process is never restarted.",
                "Add a livenessProbe that fails only when the process cannot recover by itself."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        if (!longRunning(object)) {
            return;
        }
        for (PodTemplate.Container c : pod.containers()) {
            if (!c.spec().has("livenessProbe")) {
                ctx.report(c.spec().line(), "container " + c.name() + " has no liveness probe");
            }
        }
    }
}
