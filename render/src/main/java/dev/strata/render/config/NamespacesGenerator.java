package dev.strata.render.config;

import dev.strata.catalog.PodSecurity;
import dev.strata.plan.facts.MeshMode;
import dev.strata.plan.facts.PlatformFacts;
import dev.strata.render.Generator;
import dev.strata.render.Obj;
import dev.strata.render.RenderContext;
import dev.strata.render.RenderedTree;
import dev.strata.spec.AppEnvironment;
import dev.strata.spec.AppSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code platform/namespaces/}: one Namespace per platform namespace (except the ones Kubernetes
 * creates itself) and per app environment, with its Pod Security Admission labels and, for app
 * namespaces, the mesh enrolment. Synced first, so every later wave finds its namespace labelled.
 */
public final class NamespacesGenerator implements Generator {

    public static final String DIR = "platform/namespaces";
    /** Exist in every cluster; rendering them would make Argo CD own (and prune) them. */
    public static final Set<String> BUILT_IN = Set.of("kube-system", "kube-public", "default", "kube-node-lease");
    /** Namespaces allowed to attach routes to the platform Gateway's HTTPS listener. */
    public static final String GATEWAY_ACCESS_LABEL = "strata.dev/gateway-access";

    @Override
    public String name() {
        return "namespaces";
    }

    @Override
    public void generate(RenderContext ctx, RenderedTree out) {
        String version = PodSecurityLevels.version(ctx);
        for (var e : ctx.facts().platformNamespaces().entrySet()) {
            if (!BUILT_IN.contains(e.getKey())) {
                platform(ctx, e.getKey(), e.getValue(), version, out);
            }
        }
        for (AppSpec app : ctx.spec().apps()) {
            for (AppEnvironment env : app.environments()) {
                app(ctx, app, env.name(), version, out);
            }
        }
    }

    private static void platform(RenderContext ctx, String ns, List<String> components, String version, RenderedTree out) {
        PodSecurityLevels.Need need = PodSecurityLevels.platform(ctx, ns);
        Map<String, String> labels = new TreeMap<>(psa(need.podSecurity().level(), version));
        for (String id : components) {
            labels.putAll(ctx.facts().component(id).orElseThrow().entry().namespaceLabels());
        }
        List<ConfigFile.LineComment> comments = new ArrayList<>();
        comments.add(ConfigFile.LineComment.of(PodSecurityLevels.KEY + "enforce: " + need.podSecurity().level(),
                need.podSecurity().level().equals(PodSecurity.RESTRICTED)
                        ? "restricted: every component here (" + String.join(", ", components) + ") runs pods that meet it"
                        : need.podSecurity().level() + ": needed by " + need.component() + " — " + need.podSecurity().reason()));
        boolean monitoringInAmbient = ns.equals(PlatformFacts.MONITORING_NAMESPACE) && ctx.facts().meshMode() == MeshMode.ISTIO_AMBIENT;
        if (monitoringInAmbient) {
            labels.put("istio.io/dataplane-mode", "ambient");
            comments.add(ConfigFile.LineComment.of("istio.io/dataplane-mode: ambient",
                    "in the ambient mesh so that Prometheus scrapes STRICT-mTLS app namespaces through ztunnel",
                    "(mTLS on its behalf); out of the mesh its plaintext scrapes would be refused"));
        } else if (ns.equals(PlatformFacts.MONITORING_NAMESPACE) && ctx.facts().meshMode() == MeshMode.ISTIO_SIDECAR) {
            comments.add(ConfigFile.LineComment.of("name: " + ns,
                    "not in the mesh: in sidecar mode Prometheus scrapes each app pod's merged metrics on port 15020,",
                    "which Istio excludes from mTLS interception (the apps' PodMonitor), so it needs no sidecar"));
        }
        var ns0 = Obj.of("v1", "Namespace", ns).labels(labels).build();
        List<String> header = List.of(
                "Namespace " + ns + " for " + String.join(", ", components) + ".",
                "Rendered (not created by Argo CD's CreateNamespace) so that its Pod Security level is set before",
                "the first pod: the least privileged level that its components' pods still start under.");
        ConfigFile.write(out, DIR, header, ns0, comments);
    }

    private static void app(RenderContext ctx, AppSpec app, String env, String version, RenderedTree out) {
        String ns = app.namespace(env);
        Optional<PodSecurityLevels.Need> meshNeed = PodSecurityLevels.mesh(ctx);
        String enforce = meshNeed.map(n -> n.podSecurity().level()).orElse(PodSecurity.RESTRICTED);
        Map<String, String> labels = new TreeMap<>(psa(enforce, version));
        labels.put(GATEWAY_ACCESS_LABEL, "true");
        Map<String, String> annotations = new TreeMap<>();
        List<ConfigFile.LineComment> comments = new ArrayList<>();
        comments.add(meshNeed
                .map(n -> ConfigFile.LineComment.of(PodSecurityLevels.KEY + "enforce: " + enforce,
                        enforce + ", not restricted: needed by " + n.component() + " — " + n.podSecurity().reason() + ".",
                        "warn and audit stay restricted so every gap shows; Kyverno still enforces non-root, no privilege",
                        "escalation, pinned images, requests/limits and probes on the app's own containers"))
                .orElse(ConfigFile.LineComment.of(PodSecurityLevels.KEY + "enforce: " + enforce,
                        "restricted: the app and everything the mesh adds to its pods meet it")));
        comments.add(ConfigFile.LineComment.of(GATEWAY_ACCESS_LABEL + ": 'true'",
                "lets this namespace's HTTPRoutes attach to the platform Gateway's HTTPS listener"));
        switch (ctx.facts().meshMode()) {
            case ISTIO_AMBIENT -> {
                labels.put("istio.io/dataplane-mode", "ambient");
                comments.add(ConfigFile.LineComment.of("istio.io/dataplane-mode: ambient", "enrols every pod in the ambient mesh (ztunnel, mTLS)"));
            }
            case ISTIO_SIDECAR -> {
                labels.put("istio-injection", "enabled");
                comments.add(ConfigFile.LineComment.of("istio-injection: enabled", "istiod injects the Envoy sidecar into every pod created here"));
            }
            case LINKERD -> {
                annotations.put("linkerd.io/inject", "enabled");
                comments.add(ConfigFile.LineComment.of("linkerd.io/inject: enabled", "Linkerd's proxy injector adds linkerd-proxy to every pod created here"));
            }
            case NONE -> {
            }
        }
        var obj = Obj.of("v1", "Namespace", ns).labels(labels).annotations(annotations).build();
        List<String> header = List.of(
                "Namespace of " + app.name() + " in " + env + ".",
                "Pod Security restricted where the mesh allows it, mesh enrolment by the platform's mesh mode ("
                        + ctx.facts().meshMode().name().toLowerCase(Locale.ROOT).replace('_', '-') + "), never two at once.");
        ConfigFile.write(out, DIR, header, obj, comments);
    }

    /** enforce at {@code level}; warn and audit always at restricted, so any gap is reported. */
    static Map<String, String> psa(String level, String version) {
        Map<String, String> m = new TreeMap<>();
        m.put(PodSecurityLevels.KEY + "enforce", level);
        m.put(PodSecurityLevels.KEY + "enforce-version", version);
        m.put(PodSecurityLevels.KEY + "warn", PodSecurity.RESTRICTED);
        m.put(PodSecurityLevels.KEY + "warn-version", version);
        m.put(PodSecurityLevels.KEY + "audit", PodSecurity.RESTRICTED);
        m.put(PodSecurityLevels.KEY + "audit-version", version);
        return m;
    }
}
