package dev.strata.check.rules.security;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;
import dev.strata.check.rule.PodSecurityCheck;
import dev.strata.check.admission.PodSecurity;
import java.util.Optional;

/** PSS restricted: seccomp profile RuntimeDefault or Localhost. */
public final class SeccompProfileRule extends PodRule implements PodSecurityCheck {

    @Override
    public PodSecurity.Level forbiddenFrom() {
        return PodSecurity.Level.RESTRICTED;
    }

    public SeccompProfileRule() {
        super(RuleInfo.of("seccomp-profile-missing", Category.SECURITY, Severity.ERROR,
                "A container runs without a seccomp profile of type RuntimeDefault or Localhost (Pod Security Standards, restricted).",
                "Set securityContext.seccompProfile.type: RuntimeDefault on the pod."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        Optional<String> podType = pod.podSpec().path("securityContext", "seccompProfile").flatMap(s -> s.str("type"));
        for (PodTemplate.Container c : pod.allContainers()) {
            Optional<String> type = c.spec().path("securityContext", "seccompProfile").flatMap(s -> s.str("type"))
                    .or(() -> podType);
            if (type.isEmpty()) {
                ctx.report(c.spec().line(), "container " + c.name() + " has no seccomp profile");
            } else if (!type.get().equals("RuntimeDefault") && !type.get().equals("Localhost")) {
                ctx.report(c.spec().line(), "container " + c.name() + " uses seccomp profile " + type.get());
            }
        }
    }
}
