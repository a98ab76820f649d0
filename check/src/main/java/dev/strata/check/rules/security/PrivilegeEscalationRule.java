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

/** PSS restricted: allowPrivilegeEscalation must be false. */
public final class PrivilegeEscalationRule extends PodRule implements PodSecurityCheck {

    @Override
    public PodSecurity.Level forbiddenFrom() {
        return PodSecurity.Level.RESTRICTED;
    }

    public PrivilegeEscalationRule() {
        super(RuleInfo.of("privilege-escalation", Category.SECURITY, Severity.ERROR,
                "A container does not set allowPrivilegeEscalation: false (Pod Security Standards, restricted).",
                "Set securityContext.allowPrivilegeEscalation: false on every container."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        for (PodTemplate.Container c : pod.allContainers()) {
            YMap sc = c.spec().map("securityContext").orElse(YMap.empty());
            if (!sc.bool("allowPrivilegeEscalation").equals(Optional.of(false))) {
                ctx.report(c.spec().line(), "container " + c.name() + " allows privilege escalation");
            }
        }
    }
}
