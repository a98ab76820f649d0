package dev.strata.check.rules.security;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.admission.PodSecurity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.PodSecurityCheck;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;
import dev.strata.yaml.tree.YMap;
import java.util.Optional;

/** PSS restricted: containers must run as a non-root user. */
public final class RunAsRootRule extends PodRule implements PodSecurityCheck {

    @Override
    public PodSecurity.Level forbiddenFrom() {
        return PodSecurity.Level.RESTRICTED;
    }

    public RunAsRootRule() {
        super(RuleInfo.of("run-as-root", Category.SECURITY, Severity.ERROR,
                "A container may run as root: runAsNonRoot is not true on the container or the pod, or runAsUser is 0 (Pod Security Standards, restricted).",
                "Set securityContext.runAsNonRoot: true (and a non-zero runAsUser) on the pod or the container."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        YMap podSc = pod.podSpec().map("securityContext").orElse(YMap.empty());
        for (PodTemplate.Container c : pod.allContainers()) {
            YMap sc = c.spec().map("securityContext").orElse(YMap.empty());
            Optional<Long> uid = sc.integer("runAsUser").or(() -> podSc.integer("runAsUser"));
            if (uid.isPresent() && uid.get() == 0) {
                ctx.report(c.spec().line(), "container " + c.name() + " runs as uid 0");
                continue;
            }
            boolean nonRoot = sc.bool("runAsNonRoot").or(() -> podSc.bool("runAsNonRoot")).orElse(false);
            if (!nonRoot) {
                ctx.report(c.spec().line(), "container " + c.name() + " does not set runAsNonRoot: true");
            }
        }
    }
}
