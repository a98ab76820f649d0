package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.Selectors;
import dev.strata.check.rule.References;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;
import dev.strata.yaml.tree.YMap;
import java.util.Optional;

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

    /**
     * In the namespace, or produced: kube-root-ca.crt (every namespace, by kube-controller-manager), a
     * trust-manager Bundle with a ConfigMap target (a ConfigMap of the Bundle's name in every namespace
     * its target selects; trust-manager pkg/bundle).
     */
    private static boolean exists(String name, String namespace, RuleContext ctx) {
        return name.equals("kube-root-ca.crt") || ctx.graph().exists("ConfigMap", namespace, name)
                || ctx.graph().ofKind("Bundle").stream().anyMatch(b -> b.group().equals("trust.cert-manager.io") && b.name().equals(name)
                        && b.spec().path("target", "configMap").isPresent() && selects(b, namespace, ctx));
    }

    private static boolean selects(Resource bundle, String namespace, RuleContext ctx) {
        Optional<YMap> selector = bundle.spec().path("target", "namespaceSelector");
        if (selector.isEmpty()) {
            return true;
        }
        return ctx.graph().namespaceLabels(namespace).map(l -> Selectors.matches(selector.get(), l)).orElse(true);
    }
}
