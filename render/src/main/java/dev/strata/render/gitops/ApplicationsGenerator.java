package dev.strata.render.gitops;

import dev.strata.catalog.Release;
import dev.strata.catalog.Source;
import dev.strata.plan.ConfigBundle;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.facts.PlatformFacts;
import dev.strata.render.Generator;
import dev.strata.render.Obj;
import dev.strata.render.RenderContext;
import dev.strata.render.RenderedTree;
import dev.strata.spec.AppEnvironment;
import dev.strata.spec.AppSpec;
import dev.strata.yaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every Argo CD object of the tree: the bootstrap project and root Application (applied once by
 * {@code strata up}), two roots (platform, then apps: seed 004's infrastructure and apps roots),
 * the platform and apps AppProjects, and one Application per release, configuration bundle,
 * namespace set and app environment — each with its sync wave and the reason for it.
 *
 * <p>Runs after the generators that write the directories these Applications point at, and
 * points only at directories that exist in the tree (an Application whose path is missing is
 * one of the mistakes the seeds make).
 */
public final class ApplicationsGenerator implements Generator {

    static final String ARGO_API = "argoproj.io/v1alpha1";
    static final String IN_CLUSTER = "https://kubernetes.default.svc";
    static final String WAVE = "argocd.argoproj.io/sync-wave";
    static final String FINALIZER = "resources-finalizer.argocd.argoproj.io";

    @Override
    public String name() {
        return "argo cd applications";
    }

    @Override
    public void generate(RenderContext ctx, RenderedTree out) {
        bootstrap(ctx, out);
        projects(ctx, out);
        if (hasDir(out, Layout.NAMESPACES_DIR)) {
            out.put("argocd/platform/application-namespaces.yaml", Yaml.dump(waveComment(ctx, "namespaces"),
                    directoryApp(ctx, "namespaces", "platform", Layout.NAMESPACES_DIR, "default", ctx.wave("namespaces"), List.of())));
        }
        for (ResolvedComponent rc : ctx.components()) {
            for (Release r : rc.releases()) {
                out.put("argocd/platform/application-" + r.name() + ".yaml", Yaml.dump(waveComment(ctx, r.name()), releaseApp(ctx, rc, r)));
            }
        }
        for (ConfigBundle b : ConfigBundle.of(ctx.components())) {
            if (ctx.hasWaveItem(b.name()) && hasDir(out, Layout.configDir(b.name()))) {
                List<String> header = new ArrayList<>(waveComment(ctx, b.name()));
                header.add(0, b.description() + ".");
                out.put("argocd/platform/application-" + b.name() + ".yaml", Yaml.dump(header,
                        directoryApp(ctx, b.name(), "platform", Layout.configDir(b.name()), "default", ctx.wave(b.name()), List.of())));
            }
        }
        for (AppSpec app : ctx.spec().apps()) {
            for (AppEnvironment env : app.environments()) {
                String dir = Layout.overlayDir(app.name(), env.name());
                if (!hasDir(out, dir)) {
                    continue;
                }
                boolean canary = "canary".equals(app.rollout()) && ctx.facts().enabled("argo-rollouts");
                Map<String, Object> application = directoryApp(ctx, app.name() + "-" + env.name(), "apps", dir, app.namespace(env.name()),
                        ctx.wave(app.name()), canary ? List.of("RespectIgnoreDifferences=true") : List.of());
                List<String> header = new ArrayList<>(waveComment(ctx, app.name()));
                if (canary) {
                    ignoreRolloutFields(application);
                    header.add("Argo Rollouts moves the HTTPRoute weights and the Services' pod-template-hash selector during a");
                    header.add("canary; those fields are ignored so that self-heal does not undo a rollout in progress.");
                }
                out.put("argocd/apps/application-" + app.name() + "-" + env.name() + ".yaml", Yaml.dump(header, application));
            }
        }
        roots(ctx, out);
    }

    @SuppressWarnings("unchecked")
    private static void ignoreRolloutFields(Map<String, Object> application) {
        Map<String, Object> spec = (Map<String, Object>) application.get("spec");
        spec.put("ignoreDifferences", List.of(
                Obj.map("group", "gateway.networking.k8s.io", "kind", "HTTPRoute", "jqPathExpressions",
                        List.of(".spec.rules[].backendRefs[].weight", ".metadata.labels.\"rollouts.argoproj.io/gatewayapi-canary\"")),
                Obj.map("group", "", "kind", "Service", "jqPathExpressions", List.of(".spec.selector.\"rollouts-pod-template-hash\""))));
    }

    private static boolean hasDir(RenderedTree out, String dir) {
        return out.files().keySet().stream().anyMatch(p -> p.startsWith(dir + "/"));
    }

    private static List<String> waveComment(RenderContext ctx, String item) {
        return List.of("Sync wave " + ctx.wave(item) + ": " + ctx.waveReason(item) + ".");
    }

    private void bootstrap(RenderContext ctx, RenderedTree out) {
        Map<String, Object> project = Obj.of(ARGO_API, "AppProject", "bootstrap").namespace(PlatformFacts.ARGOCD_NAMESPACE)
                .put("spec", Obj.map(
                        "description", "The root and the two roots: they only create Argo CD objects.",
                        "sourceRepos", List.of(ctx.facts().repoUrl()),
                        "destinations", List.of(Obj.map("server", IN_CLUSTER, "namespace", PlatformFacts.ARGOCD_NAMESPACE)),
                        "namespaceResourceWhitelist", List.of(Obj.map("group", "argoproj.io", "kind", "Application"),
                                Obj.map("group", "argoproj.io", "kind", "AppProject"))))
                .build();
        out.put("bootstrap/appproject-bootstrap.yaml", Yaml.dump(List.of(
                "Applied by `strata up` (or kubectl apply) once, with root.yaml, after Argo CD is installed",
                "with bootstrap/argo-cd/values.yaml. It may only create Applications and AppProjects."), project));
        Map<String, Object> root = application(ctx, "root", "bootstrap", ctx.facts().repoPath("argocd/root"), PlatformFacts.ARGOCD_NAMESPACE, List.of());
        out.put("bootstrap/root.yaml", Yaml.dump(List.of(
                "The root of the app-of-apps: it syncs argocd/root, which holds the AppProjects and two roots,",
                "platform (wave 1) then apps (wave 2). Argo CD's values restore the Application health check",
                "(resource.customizations.health.argoproj.io_Application), so a wave waits until the previous",
                "wave's Applications are Healthy; without it, waves would not wait."), root));
    }

    private void roots(RenderContext ctx, RenderedTree out) {
        out.put("argocd/root/application-platform.yaml", Yaml.dump(List.of(
                        "Sync wave 1: the platform root; every platform Application below it carries its own wave."),
                withWave(application(ctx, "platform", "bootstrap", ctx.facts().repoPath("argocd/platform"), PlatformFacts.ARGOCD_NAMESPACE, List.of()), 1)));
        if (!hasDir(out, "argocd/apps")) {
            return;
        }
        out.put("argocd/root/application-apps.yaml", Yaml.dump(List.of(
                        "Sync wave 2: the apps root waits until the platform root is Healthy, so apps land on a",
                        "platform whose CRDs, gateway, mesh and admission policies are in place."),
                withWave(application(ctx, "apps", "bootstrap", ctx.facts().repoPath("argocd/apps"), PlatformFacts.ARGOCD_NAMESPACE, List.of()), 2)));
    }

    private void projects(RenderContext ctx, RenderedTree out) {
        Set<String> repos = new LinkedHashSet<>();
        repos.add(ctx.facts().repoUrl());
        for (ResolvedComponent rc : ctx.components()) {
            for (Release r : rc.releases()) {
                repos.add(repoUrl(r.source()));
            }
        }
        Map<String, Object> platform = withWave(Obj.of(ARGO_API, "AppProject", "platform").namespace(PlatformFacts.ARGOCD_NAMESPACE)
                .put("spec", Obj.map(
                        "description", "Platform components and their configuration: they manage the cluster, so they may create cluster-scoped objects.",
                        "sourceRepos", new ArrayList<>(repos),
                        "destinations", List.of(Obj.map("server", IN_CLUSTER, "namespace", "*")),
                        "clusterResourceWhitelist", List.of(Obj.map("group", "*", "kind", "*"))))
                .build(), 0);
        out.put("argocd/root/appproject-platform.yaml", Yaml.dump(List.of("Sync wave 0: projects exist before the Applications that name them."), platform));
        List<Object> appDestinations = new ArrayList<>();
        for (AppSpec app : ctx.spec().apps()) {
            for (AppEnvironment env : app.environments()) {
                appDestinations.add(Obj.map("server", IN_CLUSTER, "namespace", app.namespace(env.name())));
            }
        }
        Map<String, Object> apps = withWave(Obj.of(ARGO_API, "AppProject", "apps").namespace(PlatformFacts.ARGOCD_NAMESPACE)
                .put("spec", Obj.map(
                        "description", "Applications: only their own <env>-<app> namespaces, only namespaced objects, only this repository.",
                        "sourceRepos", List.of(ctx.facts().repoUrl()),
                        "destinations", appDestinations,
                        "clusterResourceWhitelist", List.of()))
                .build(), 0);
        out.put("argocd/root/appproject-apps.yaml", Yaml.dump(List.of("Sync wave 0: projects exist before the Applications that name them."), apps));
    }

    private Map<String, Object> releaseApp(RenderContext ctx, ResolvedComponent rc, Release r) {
        Source s = r.source();
        List<String> options = new ArrayList<>();
        if (r.crdsTooLargeForClientSideApply()) {
            options.add("ServerSideApply=true");
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("project", "platform");
        if (s.helm()) {
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("repoURL", repoUrl(s));
            chart.put("chart", s.chart().orElseThrow());
            chart.put("targetRevision", s.version());
            chart.put("helm", Obj.map("releaseName", r.name(), "valueFiles", List.of("$values/" + ctx.facts().repoPath(Layout.valuesFile(rc, r)))));
            spec.put("sources", List.of(chart, Obj.map("repoURL", ctx.facts().repoUrl(), "targetRevision", ctx.facts().revision(), "ref", "values")));
        } else {
            spec.put("source", Obj.map("repoURL", s.repository(), "path", s.path().orElseThrow(), "targetRevision", s.version()));
        }
        spec.put("destination", Obj.map("server", IN_CLUSTER, "namespace", ctx.namespaceOf(rc, r)));
        spec.put("syncPolicy", syncPolicy(options));
        return withWave(Obj.of(ARGO_API, "Application", r.name()).namespace(PlatformFacts.ARGOCD_NAMESPACE)
                .metadata("finalizers", List.of(FINALIZER)).put("spec", spec).build(), ctx.wave(r.name()));
    }

    private Map<String, Object> directoryApp(RenderContext ctx, String name, String project, String dir, String namespace, int wave, List<String> options) {
        return withWave(application(ctx, name, project, ctx.facts().repoPath(dir), namespace, options), wave);
    }

    private Map<String, Object> application(RenderContext ctx, String name, String project, String path, String namespace, List<String> options) {
        return Obj.of(ARGO_API, "Application", name).namespace(PlatformFacts.ARGOCD_NAMESPACE)
                .metadata("finalizers", List.of(FINALIZER))
                .put("spec", Obj.map(
                        "project", project,
                        "source", Obj.map("repoURL", ctx.facts().repoUrl(), "targetRevision", ctx.facts().revision(), "path", path),
                        "destination", Obj.map("server", IN_CLUSTER, "namespace", namespace),
                        "syncPolicy", syncPolicy(options)))
                .build();
    }

    /** Automated sync with prune and self-heal, retried with backoff: drift is repaired, failures are retried, not ignored. */
    private static Map<String, Object> syncPolicy(List<String> options) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("automated", Obj.map("prune", true, "selfHeal", true));
        List<String> opts = new ArrayList<>(options);
        opts.add("PruneLast=true");
        p.put("syncOptions", opts);
        p.put("retry", Obj.map("limit", 10, "backoff", Obj.map("duration", "10s", "factor", 2, "maxDuration", "5m")));
        return p;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withWave(Map<String, Object> obj, int wave) {
        Map<String, Object> meta = (Map<String, Object>) obj.get("metadata");
        Map<String, Object> annotations = (Map<String, Object>) meta.computeIfAbsent("annotations", k -> new TreeMap<String, Object>());
        annotations.put(WAVE, Integer.toString(wave));
        return obj;
    }

    /** Argo CD names OCI Helm repositories without the scheme. */
    static String repoUrl(Source s) {
        return s.repository().startsWith("oci://") ? s.repository().substring("oci://".length()) : s.repository();
    }
}
