package dev.strata.check.rules.gitops;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.load.ArgoSources;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    static final Set<String> ARGO_CD_KINDS = Set.of("Application", "AppProject", "ApplicationSet");

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
        List<Resource> out = new ArrayList<>();
        Optional<Resource> cur = Optional.of(app);
        while (cur.isPresent() && !out.contains(cur.get()) && out.size() < 32) {
            out.add(cur.get());
            cur = application(cur.get(), ctx);
        }
        return out;
    }

    /**
     * The Application that installs a group's CRDs when they are not in the input (its chart comes from
     * a repository): named by the cluster model (the catalog's CRDs per release), by {@code group/plural}
     * where releases share a group, else by {@code group}.
     */
    static Optional<Resource> chartProvider(String group, String kind, RuleContext ctx) {
        Map<String, String> providers = ctx.clusterModel().map(m -> m.crdGroups()).orElse(Map.of());
        String plural = kind.toLowerCase(Locale.ROOT);
        plural = plural.endsWith("y") ? plural.substring(0, plural.length() - 1) + "ies" : plural.endsWith("s") ? plural + "es" : plural + "s";
        String release = providers.getOrDefault(group + "/" + plural, providers.get(group));
        if (release == null) {
            return Optional.empty();
        }
        return ctx.graph().ofKind("Application").stream()
                .filter(app -> app.group().equals("argoproj.io") && app.name().equals(release)).findFirst();
    }

    static int wave(Resource r) {
        try {
            return Integer.parseInt(r.annotation(WAVE).orElse("0").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The Application deploying an object: the one it was loaded through, else the one whose source path holds its file. */
    static Optional<Resource> application(Resource object, RuleContext ctx) {
        if (!object.application().isEmpty()) {
            int slash = object.application().indexOf('/');
            Optional<Resource> loadedBy = ctx.graph().findOne("Application", object.application().substring(0, slash),
                    object.application().substring(slash + 1));
            if (loadedBy.isPresent()) {
                return loadedBy;
            }
        }
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
