package dev.strata.check.rules.gitops;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;

/** An Application syncing into a namespace nobody creates fails its first sync. */
public final class AppNamespaceMissingRule extends BaseRule {

    public AppNamespaceMissingRule() {
        super(RuleInfo.across("argo-app-namespace-missing", Category.GITOPS, Severity.WARNING,
                "An Argo CD Application deploys into a namespace that no Namespace object in the input creates and that it does not create itself (CreateNamespace=true).",
                "Add the Namespace to the tree (with its labels) or syncOptions: [CreateNamespace=true].").appliesTo("argoproj.io/Application"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        YMap destination = object.spec().map("destination").orElse(YMap.empty());
        String namespace = destination.strOr("namespace", "");
        boolean creates = object.spec().path("syncPolicy").map(p -> p.strings("syncOptions").contains("CreateNamespace=true"))
                .orElse(false);
        if (namespace.isEmpty() || creates || ctx.graph().namespace(namespace).isPresent()
                || namespace.equals("default") || namespace.startsWith("kube-")) {
            return;
        }
        ctx.report(destination.keyLine("namespace"), "destination namespace " + namespace
                + " is created by no Namespace object in the input and syncOptions lack CreateNamespace=true");
    }
}
