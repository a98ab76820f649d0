package dev.strata.check.rules.gitops;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.load.ArgoSources;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.check.yaml.YMap;
import java.util.List;
import java.util.Optional;

/**
 * A custom resource must sync after the CRD that defines it. An object's wave is the sync wave of the
 * Argo CD Application that deploys it (the Application whose source path holds its file), then its own
 * {@code argocd.argoproj.io/sync-wave}. Across Applications the CR's Application must be in a strictly
 * later wave (Argo CD waits for health between waves only); within one, the CR's own wave must not be
 * earlier than the CRD's.
 */
public final class CrdSyncWaveRule extends BaseRule {

    static final String WAVE = "argocd.argoproj.io/sync-wave";

    public CrdSyncWaveRule() {
        super(RuleInfo.across("crd-sync-wave-order", Category.GITOPS, Severity.ERROR,
                "A custom resource syncs in the same or an earlier wave than the CRD that defines it, so the first sync fails with 'no matches for kind'.",
                "Put the Application that provides the CRD in an earlier sync wave than the one that uses it."));
    }

    /** Argo CD's own kinds: whatever syncs them is already running, so its CRDs exist before any wave. */
    static final java.util.Set<String> ARGO_CD_KINDS = java.util.Set.of("Application", "AppProject", "ApplicationSet");

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (object.group().isEmpty() || object.kind().equals("CustomResourceDefinition")
                || (object.group().equals("argoproj.io") && ARGO_CD_KINDS.contains(object.kind()))) {
            return;
        }
        Resource crd = ctx.graph().crd(object.group(), object.kind()).orElse(null);
        String crdName = crd == null ? null : crd.name();
        Optional<Resource> crdApp;
        if (crd == null) {
            crdApp = chartProvider(object.group(), object.kind(), ctx);
            crdName = object.group() + " CRDs";
            if (crdApp.isEmpty()) {
                return;
            }
        } else {
            crdApp = application(crd, ctx);
        }
        Optional<Resource> crApp = application(object, ctx);
        if (crdApp.isPresent() && crApp.isPresent() && crdApp.get() != crApp.get()) {
            // Waves order siblings only: compare the two branches where they meet in the app-of-apps.
            List<Resource> crChain = chain(crApp.get(), ctx);
            List<Resource> crdChain = chain(crdApp.get(), ctx);
            if (crChain.contains(crdApp.get())) {
                return; // deployed below the CRD's own Application: it syncs after it
            }
            for (int i = 0; i < crChain.size(); i++) {
                int j = crdChain.indexOf(crChain.get(i));
                if (j < 0) {
                    continue;
                }
                if (i == 0 || j == 0) {
                    return;
                }
                compare(ctx, crChain.get(i - 1), crdChain.get(j - 1), crdName);
                return;
            }
            // no common parent in the input: the two tops are applied side by side (one root, or by hand)
            compare(ctx, crChain.getLast(), crdChain.getLast(), crdName);
            return;
        }
        if (crd != null && crdApp.equals(crApp) && wave(object) < wave(crd)) {
            ctx.report("syncs in wave " + wave(object) + ", before its CRD " + crdName + " in wave " + wave(crd));
        }
    }

    private static void compare(RuleContext ctx, Resource crBranch, Resource crdBranch, String crdName) {
        if (wave(crBranch) <= wave(crdBranch)) {
            ctx.report("syncs in wave " + wave(crBranch) + " (Application " + crBranch.name() + "), not after its CRD "
                    + crdName + " in wave " + wave(crdBranch) + " (Application " + crdBranch.name() + ")");
        }
    }

    /** An Application and the Applications above it (the one whose path holds its file, and so on). */
    static List<Resource> chain(Resource app, RuleContext ctx) {
        List<Resource> out = new java.util.ArrayList<>();
        Optional<Resource> cur = Optional.of(app);
        while (cur.isPresent() && !out.contains(cur.get()) && out.size() < 32) {
            out.add(cur.get());
            cur = application(cur.get(), ctx);
        }
        return out;
    }

    /**
     * Charts known to install the CRDs of an API group (or of one kind, where a group is shared) (the catalog's components), for CRDs that are
     * not in the input because the Application installs a chart from a repository.
     */
    private static final java.util.Map<String, java.util.List<String>> CHART_PROVIDERS = java.util.Map.ofEntries(
            java.util.Map.entry("cert-manager.io", java.util.List.of("cert-manager")),
            java.util.Map.entry("trust.cert-manager.io", java.util.List.of("trust-manager")),
            java.util.Map.entry("acme.cert-manager.io", java.util.List.of("cert-manager")),
            java.util.Map.entry("monitoring.coreos.com", java.util.List.of("kube-prometheus-stack", "prometheus-operator-crds")),
            java.util.Map.entry("kyverno.io", java.util.List.of("kyverno")),
            java.util.Map.entry("bitnami.com", java.util.List.of("sealed-secrets")),
            java.util.Map.entry("external-secrets.io", java.util.List.of("external-secrets")),
            java.util.Map.entry("networking.istio.io", java.util.List.of("base")),
            java.util.Map.entry("security.istio.io", java.util.List.of("base")),
            java.util.Map.entry("longhorn.io", java.util.List.of("longhorn")),
            java.util.Map.entry("velero.io", java.util.List.of("velero")),
            java.util.Map.entry("metallb.io", java.util.List.of("metallb")),
            java.util.Map.entry("cilium.io", java.util.List.of("cilium")),
            java.util.Map.entry("templates.gatekeeper.sh", java.util.List.of("gatekeeper")),
            java.util.Map.entry("argoproj.io/Rollout", java.util.List.of("argo-rollouts")),
            java.util.Map.entry("argoproj.io/AnalysisTemplate", java.util.List.of("argo-rollouts")),
            java.util.Map.entry("argoproj.io/ClusterAnalysisTemplate", java.util.List.of("argo-rollouts")),
            java.util.Map.entry("argoproj.io/AnalysisRun", java.util.List.of("argo-rollouts")),
            java.util.Map.entry("argoproj.io/Experiment", java.util.List.of("argo-rollouts")));

    static Optional<Resource> chartProvider(String group, String kind, RuleContext ctx) {
        java.util.List<String> charts = CHART_PROVIDERS.getOrDefault(group + "/" + kind, CHART_PROVIDERS.get(group));
        if (charts == null) {
            return Optional.empty();
        }
        for (Resource app : ctx.graph().ofKind("Application")) {
            if (app.group().equals("argoproj.io")
                    && ArgoSources.of(app).stream().anyMatch(s -> charts.contains(s.strOr("chart", "")))) {
                return Optional.of(app);
            }
        }
        return Optional.empty();
    }

    static int wave(Resource r) {
        try {
            return Integer.parseInt(r.annotation(WAVE).orElse("0").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The Application deploying an object: its source path is a prefix of the object's file. */
    static Optional<Resource> application(Resource object, RuleContext ctx) {
        for (Resource app : ctx.graph().ofKind("Application")) {
            if (!app.group().equals("argoproj.io")) {
                continue;
            }
            for (YMap source : ArgoSources.of(app)) {
                Optional<String> path = source.str("path");
                if (path.isEmpty()) {
                    continue;
                }
                String p = path.get().replaceFirst("^\\./", "").replaceAll("/+$", "") + "/";
                String file = object.file();
                if (file.startsWith(p) || file.contains("/" + p)) {
                    return Optional.of(app);
                }
            }
        }
        return Optional.empty();
    }
}
