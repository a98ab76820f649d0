package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.References;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;

/** A pod mounts a PersistentVolumeClaim that does not exist. */
public final class MissingPvcRule extends PodRule {

    public MissingPvcRule() {
        super(RuleInfo.across("missing-pvc", Category.REFERENCES, Severity.ERROR,
                "A pod mounts a PersistentVolumeClaim that does not exist.",
                "Create the PersistentVolumeClaim in the pod's namespace or use a StatefulSet volumeClaimTemplate."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        for (PodReferences.Ref ref : PodReferences.claims(pod)) {
            if (!exists(ref.name(), object.namespace(), ctx) && !References.createdOutside(ctx, "PersistentVolumeClaim", object.namespace(), ref.name())) {
                References.missing(ctx, info().severity(), "PersistentVolumeClaim", object.namespace(), ref.line(),
                        "persistent volume claim " + ref.name() + " does not exist");
            }
        }
    }

    private static boolean exists(String name, String namespace, RuleContext ctx) {
        return ctx.graph().exists("PersistentVolumeClaim", namespace, name);
    }
}
