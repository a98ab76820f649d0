package dev.strata.check.rules.gitops;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.load.ArgoSources;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;

import java.util.Set;

/**
 * A custom resource an Application of the tree syncs, whose CRD nothing in the tree provides: not in
 * the input, not installed by a chart the platform names. Its Application's first sync fails with
 * "no matches for kind" unless the cluster already has the CRD, which the tree cannot show — hence a
 * warning. Judged only in a tree that installs CRDs itself (CRDs in the input, charts of Applications,
 * a Strata platform): a tree that relies on the cluster's CRDs throughout says nothing about any one.
 * Not judged while some chart of the tree was not rendered (it may ship the CRD).
 */
public final class CrdProviderMissingRule extends BaseRule {

    private static final Set<String> BUILT_IN = Set.of("", "apps", "batch", "autoscaling", "policy", "networking.k8s.io",
            "rbac.authorization.k8s.io", "storage.k8s.io", "scheduling.k8s.io", "admissionregistration.k8s.io", "apiextensions.k8s.io",
            "discovery.k8s.io", "node.k8s.io", "coordination.k8s.io", "certificates.k8s.io", "flowcontrol.apiserver.k8s.io",
            "apiregistration.k8s.io", "events.k8s.io", "metrics.k8s.io", "resource.k8s.io");

    public CrdProviderMissingRule() {
        super(RuleInfo.across("crd-provider-missing", Category.GITOPS, Severity.WARNING,
                "An Application syncs a custom resource whose CRD nothing in the tree provides, so its first sync fails unless the cluster already has it.",
                "Add an Application (in an earlier wave) that installs the CRD, or list it among the cluster's prerequisites."));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (object.application().isEmpty() || BUILT_IN.contains(object.group()) || object.kind().equals("CustomResourceDefinition")
                || (object.group().equals("argoproj.io") && CrdSyncWaveRule.ARGO_CD_KINDS.contains(object.kind()))) {
            return;
        }
        if (ctx.graph().crd(object.group(), object.kind()).isPresent()
                || CrdSyncWaveRule.chartProvider(object.group(), object.kind(), ctx).isPresent()
                || ctx.clusterModel().map(m -> m.crdGroups().containsKey(object.group())).orElse(false)) {
            return;
        }
        boolean installsCrds = !ctx.graph().ofKind("CustomResourceDefinition").isEmpty() || ctx.clusterModel().isPresent()
                || ctx.graph().ofKind("Application").stream().anyMatch(app -> ArgoSources.of(app).stream().anyMatch(s -> s.has("chart")));
        if (!installsCrds) {
            return;
        }
        boolean unrendered = ctx.graph().ofKind("Application").stream().anyMatch(app -> ArgoSources.of(app).stream().anyMatch(s -> s.has("chart"))
                && ctx.graph().all().stream().noneMatch(r -> r.application().equals(app.namespace() + "/" + app.name())));
        if (unrendered) {
            ctx.skip("crd-provider-missing not judged: a chart of the tree was not rendered and may install the CRD of " + object.group());
            return;
        }
        ctx.report("no CRD for " + object.kind() + " (" + object.group() + ") in the tree, and no Application installs one: Application "
                + object.application() + " fails its first sync (no matches for kind) unless the cluster already has it");
    }
}
