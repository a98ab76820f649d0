package dev.strata.check.rules.reliability;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;

/** Long-running containers need a readiness probe, or traffic reaches them before they are ready. */
public final class ReadinessProbeRule extends PodRule {

    public ReadinessProbeRule() {
        super(RuleInfo.of("missing-readiness-probe", Category.RELIABILITY, Severity.WARNING,
                "A long-running container has no readiness probe, so it receives traffic before it is ready.",
                "Add a readinessProbe (httpGet, tcpSocket, grpc or exec) to the container."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        if (!longRunning(object)) {
            return;
        }
        for (PodTemplate.Container c : pod.containers()) {
            if (!c.spec().has("readinessProbe")) {
                ctx.report(c.spec().line(), "container " + c.name() + " has no readiness probe");
            }
        }
    }
}
