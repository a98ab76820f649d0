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

/** PSS restricted: drop ALL capabilities, add back only NET_BIND_SERVICE. */
public final class CapabilitiesRule extends PodRule implements PodSecurityCheck {

    @Override
    public PodSecurity.Level forbiddenFrom() {
        return PodSecurity.Level.RESTRICTED;
    }

    public CapabilitiesRule() {
        super(RuleInfo.of("capabilities-not-dropped", Category.SECURITY, Severity.ERROR,
                "A container does not drop ALL capabilities or adds one other than NET_BIND_SERVICE (Pod Security Standards, restricted).",
                "Set securityContext.capabilities.drop: [ALL] and add back only NET_BIND_SERVICE if needed."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        for (PodTemplate.Container c : pod.allContainers()) {
            YMap caps = c.spec().path("securityContext", "capabilities").orElse(YMap.empty());
            if (!caps.strings("drop").contains("ALL")) {
                ctx.report(c.spec().line(), "container " + c.name() + " does not drop ALL capabilities");
            }
            for (String add : caps.strings("add")) {
                if (!add.equals("NET_BIND_SERVICE")) {
                    ctx.report(caps.keyLine("add"), "container " + c.name() + " adds capability " + add);
                }
            }
        }
    }
}
