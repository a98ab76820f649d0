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
import java.util.List;

/** PSS baseline: no host network, PID or IPC namespace. */
public final class HostNamespacesRule extends PodRule implements PodSecurityCheck {

    @Override
    public PodSecurity.Level forbiddenFrom() {
        return PodSecurity.Level.BASELINE;
    }

    public HostNamespacesRule() {
        super(RuleInfo.of("host-namespaces", Category.SECURITY, Severity.ERROR,
                "A pod shares the host's network, PID or IPC namespace.",
                "Remove hostNetwork, hostPID and hostIPC from the pod spec."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (pod.podSpec().bool(field).orElse(false)) {
                ctx.report(pod.podSpec().keyLine(field), "pod uses " + field);
            }
        }
    }
}
