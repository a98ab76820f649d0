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

/** PSS baseline: no hostPath volumes. */
public final class HostPathVolumeRule extends PodRule implements PodSecurityCheck {

    @Override
    public PodSecurity.Level forbiddenFrom() {
        return PodSecurity.Level.BASELINE;
    }

    public HostPathVolumeRule() {
        super(RuleInfo.of("host-path-volume", Category.SECURITY, Severity.ERROR,
                "A pod mounts a directory of the host (hostPath volume).",
                "Use a persistentVolumeClaim, emptyDir, configMap or secret volume instead of hostPath."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        for (YMap volume : pod.podSpec().maps("volumes")) {
            volume.map("hostPath").ifPresent(hp -> ctx.report(volume.line(), "volume " + volume.strOr("name", "?")
                    + " mounts host path " + hp.strOr("path", "?")));
        }
    }
}
