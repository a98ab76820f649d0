package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.References;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;

/** A pod running as a ServiceAccount that does not exist is never created. */
public final class MissingServiceAccountRule extends PodRule {

    public MissingServiceAccountRule() {
        super(RuleInfo.across("missing-service-account", Category.REFERENCES, Severity.ERROR,
                "A pod runs as a ServiceAccount that does not exist, so its pods are never created.",
                "Create the ServiceAccount in the pod's namespace or fix serviceAccountName."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        String key = pod.podSpec().has("serviceAccountName") ? "serviceAccountName" : "serviceAccount";
        String name = pod.podSpec().strOr(key, "default");
        if (name.equals("default") || ctx.graph().exists("ServiceAccount", object.namespace(), name)
                || References.createdOutside(ctx, "ServiceAccount", object.namespace(), name)) {
            return;
        }
        References.missing(ctx, info().severity(), "ServiceAccount", object.namespace(), pod.podSpec().keyLine(key),
                "service account " + name + " does not exist");
    }
}
