package dev.strata.check.rules.security;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;
import dev.strata.yaml.tree.YMap;

/** Containers should not be able to write their image's filesystem. */
public final class ReadOnlyRootFilesystemRule extends PodRule {

    public ReadOnlyRootFilesystemRule() {
        super(RuleInfo.of("writable-root-filesystem", Category.SECURITY, Severity.WARNING,
                "A container can write to its root filesystem.",
                "Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the process writes."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        for (PodTemplate.Container c : pod.allContainers()) {
            YMap sc = c.spec().map("securityContext").orElse(YMap.empty());
            if (!sc.bool("readOnlyRootFilesystem").orElse(false)) {
                ctx.report(c.spec().line(), "container " + c.name() + " has a writable root filesystem");
            }
        }
    }
}
