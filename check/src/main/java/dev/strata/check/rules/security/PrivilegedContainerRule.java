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

/** PSS baseline: no privileged containers. */
public final class PrivilegedContainerRule extends PodRule implements PodSecurityCheck {

    @Override
    public PodSecurity.Level forbiddenFrom() {
        return PodSecurity.Level.BASELINE;
    }

    public PrivilegedContainerRule() {
        super(RuleInfo.of("privileged-container", Category.SECURITY, Severity.ERROR,
                "A container runs privileged, with full access to the host.",
                "Remove securityContext.privileged: true; grant only the capabilities the container needs."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        for (PodTemplate.Container c : pod.allContainers()) {
            YMap sc = c.spec().map("securityContext").orElse(YMap.empty());
            if (sc.bool("privileged").orElse(false)) {
                ctx.report(sc.keyLine("privileged"), "container " + c.name() + " is privileged");
            }
        }
    }
}
