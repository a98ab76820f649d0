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

/** PSS baseline: no host ports. */
public final class HostPortRule extends PodRule implements PodSecurityCheck {

    @Override
    public PodSecurity.Level forbiddenFrom() {
        return PodSecurity.Level.BASELINE;
    }

    public HostPortRule() {
        super(RuleInfo.of("host-port", Category.SECURITY, Severity.ERROR,
                "A container binds a port on the host (hostPort).",
                "Remove hostPort and expose the container through a Service."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        for (PodTemplate.Container c : pod.allContainers()) {
            for (YMap port : c.spec().maps("ports")) {
                port.integer("hostPort").filter(p -> p > 0).ifPresent(p ->
                        ctx.report(port.keyLine("hostPort"), "container " + c.name() + " binds host port " + p));
            }
        }
    }
}
