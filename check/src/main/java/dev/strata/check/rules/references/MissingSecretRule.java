package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.References;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;

/** A pod refers to a Secret (volume, env, envFrom or imagePullSecrets) that does not exist and nothing in the input creates. */
public final class MissingSecretRule extends PodRule {

    public MissingSecretRule() {
        super(RuleInfo.across("missing-secret", Category.REFERENCES, Severity.ERROR,
                "A pod refers to a Secret (volume, env, envFrom or imagePullSecrets) that does not exist and nothing in the input creates.",
                "Create the Secret (or the SealedSecret, ExternalSecret or Certificate that produces it), fix the name, or mark the reference optional: true."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        for (PodReferences.Ref ref : PodReferences.secrets(pod)) {
            if (!exists(ref.name(), object.namespace(), ctx) && !References.createdOutside(ctx, "Secret", object.namespace(), ref.name())) {
                References.missing(ctx, info().severity(), "Secret", object.namespace(), ref.line(),
                        "secret " + ref.name() + " does not exist",
                        "no Secret, SealedSecret, ExternalSecret or Certificate of that name in the tree, and the platform does not create it");
            }
        }
    }

    private static boolean exists(String name, String namespace, RuleContext ctx) {
        return ctx.graph().exists("Secret", namespace, name) || ctx.graph().exists("SealedSecret", namespace, name)
                || ctx.graph().ofKind("ExternalSecret").stream().anyMatch(e -> e.namespace().equals(namespace)
                        && e.spec().path("target").flatMap(t -> t.str("name")).orElse(e.name()).equals(name))
                || ctx.graph().ofKind("Certificate").stream().anyMatch(c -> c.namespace().equals(namespace)
                        && c.spec().strOr("secretName", "").equals(name));
    }
}
