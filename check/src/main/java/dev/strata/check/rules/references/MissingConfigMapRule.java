package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.References;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;

/** A pod refers to a ConfigMap (volume, env or envFrom) that does not exist. */
public final class MissingConfigMapRule extends PodRule {

    public MissingConfigMapRule() {
        super(RuleInfo.across("missing-configmap", Category.REFERENCES, Severity.ERROR,
                "A pod refers to a ConfigMap (volume, env or envFrom) that does not exist.",
                "Create the ConfigMap in the pod's namespace, fix the name, or mark the reference optional: true."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        for (PodReferences.Ref ref : PodReferences.configMaps(pod)) {
            if (!exists(ref.name(), object.namespace(), ctx) && !References.createdOutside(ctx, "ConfigMap", object.namespace(), ref.name())) {
                References.missing(ctx, info().severity(), "ConfigMap", object.namespace(), ref.line(),
                        "configmap " + ref.name() + " does not exist");
            }
        }
    }

    private static boolean exists(String name, String namespace, RuleContext ctx) {
        return name.equals("kube-root-ca.crt") || ctx.graph().exists("ConfigMap", namespace, name);
    }
}
