package dev.strata.render.apps;

import dev.strata.catalog.Quantity;
import dev.strata.plan.facts.MeshMode;
import dev.strata.render.RenderContext;
import dev.strata.render.RenderException;
import dev.strata.render.RenderFixtures;
import dev.strata.render.RenderedTree;
import dev.strata.spec.AppEnvironment;
import dev.strata.spec.AppSpec;
import dev.strata.spec.ExternalService;
import dev.strata.spec.PlatformSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.strata.render.RenderFixtures.get;
import static dev.strata.render.RenderFixtures.kind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The files of apps/ as written, profile by profile (the built overlays are checked in AppsKustomizeIT). */
@SuppressWarnings("unchecked")
class AppsGeneratorTest {

    static final List<String> PROFILES = RenderedApps.PROFILES;

    @ParameterizedTest
    @FieldSource("PROFILES")
    void everyFileIsOneParsableObjectOfOneKindNamedAfterIt(String profile) {
        RenderedApps r = RenderedApps.of(profile);
        assertThat(r.tree().files()).isNotEmpty();
        r.tree().files().forEach((path, text) -> {
            List<Map<String, Object>> docs = RenderFixtures.documents(text);
            assertThat(docs).as(path).hasSize(1);
            String file = path.substring(path.lastIndexOf('/') + 1);
            String k = kind(docs.get(0)).toLowerCase(java.util.Locale.ROOT);
            assertThat(file).as(path).matches(k + "(-[a-z0-9-]+)?\\.yaml|patch-" + k + "\\.yaml");
        });
    }

    @ParameterizedTest
    @FieldSource("PROFILES")
    void sameSpecGivesTheSameBytes(String profile) {
        assertThat(RenderedApps.fresh(profile).tree().files()).isEqualTo(RenderedApps.fresh(profile).tree().files());
    }

    @ParameterizedTest
    @FieldSource("PROFILES")
    void theBaseNamesNoEnvironmentAndEveryOverlayItsOwn(String profile) {
        RenderedApps r = RenderedApps.of(profile);
        for (AppSpec app : r.spec().apps()) {
            String base = "apps/" + app.name() + "/base/";
            List<String> scalars = new ArrayList<>();
            r.tree().files().forEach((path, text) -> {
                if (path.startsWith(base)) {
                    collectScalars(RenderFixtures.single(text), scalars);
                }
            });
            for (AppEnvironment env : app.environments()) {
                assertThat(scalars).as("base of %s", app.name())
                        .doesNotContain(env.name(), app.namespace(env.name()), r.ctx().facts().gateway().appHost(app.name(), env.name()));
                assertThat(scalars).noneMatch(s -> s.contains(app.namespace(env.name())));
                String overlay = "apps/" + app.name() + "/overlays/" + env.name() + "/";
                assertThat(get(r.doc(overlay + "kustomization.yaml"), "namespace").toString()).isEqualTo(env.name() + "-" + app.name());
                assertThat(get(r.doc(overlay + "kustomization.yaml"), "resources", "0").toString()).isEqualTo("../../base");
                assertThat(get(r.doc(overlay + "patch-configmap.yaml"), "data", "ENVIRONMENT").toString()).isEqualTo(env.name());
                Map<String, Object> hpa = r.doc(overlay + "patch-horizontalpodautoscaler.yaml");
                assertThat((Object) get(hpa, "spec", "minReplicas")).isEqualTo(env.replicas());
                assertThat((Object) get(hpa, "spec", "maxReplicas")).isEqualTo(env.maxReplicas());
                if (r.ctx().facts().enabled("istio-gateway")) {
                    assertThat((List<Object>) get(r.doc(overlay + "patch-httproute.yaml"), "spec", "hostnames"))
                            .containsExactly(app.name() + "-" + env.name() + "." + r.spec().cluster().name() + ".localhost");
                } else {
                    assertThat(r.tree().contains(overlay + "patch-httproute.yaml")).isFalse();
                    assertThat(r.tree().contains(base + "httproute.yaml")).isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("PROFILES")
    void quotaAdmitsTheHpaMaximumAndLimitRangeDefaultsToTheAppsOwnResources(String profile) {
        RenderedApps r = RenderedApps.of(profile);
        for (AppSpec app : r.spec().apps()) {
            boolean canary = "canary".equals(app.rollout()) && r.ctx().facts().enabled("argo-rollouts");
            for (AppEnvironment env : app.environments()) {
                String overlay = "apps/" + app.name() + "/overlays/" + env.name() + "/";
                Map<String, Object> hard = get(r.doc(overlay + "resourcequota.yaml"), "spec", "hard");
                int peak = canary ? 2 * env.maxReplicas() : env.maxReplicas() + 1;
                assertThat(Integer.parseInt((String) hard.get("pods"))).isGreaterThan(peak);
                assertThat(Quantity.parse((String) hard.get("limits.memory")))
                        .isGreaterThanOrEqualTo(app.limits().memory().times(peak));
                assertThat(Quantity.parse((String) hard.get("limits.cpu")))
                        .isGreaterThanOrEqualTo(app.limits().cpu().times(peak));
                assertThat(Quantity.parse((String) hard.get("requests.memory")))
                        .isGreaterThanOrEqualTo(app.requests().memory().times(peak));
                assertThat(hard).containsEntry("services.nodeports", "0");
                Map<String, Object> limits = get(r.doc(overlay + "limitrange.yaml"), "spec", "limits", "0");
                assertThat(Quantity.parse(get(limits, "default", "memory"))).isEqualTo(app.limits().memory());
                assertThat(Quantity.parse(get(limits, "defaultRequest", "cpu"))).isEqualTo(app.requests().cpu());
                assertThat(Quantity.parse(get(limits, "max", "memory"))).isGreaterThanOrEqualTo(app.limits().memory());
            }
        }
    }

    @Test
    void sidecarQuotaCountsTheInjectedProxy() {
        RenderedApps r = RenderedApps.of("kind-lab");
        AppSpec app = r.spec().apps().get(0);
        AppEnvironment prod = app.environments().stream().filter(e -> e.name().equals("prod")).findFirst().orElseThrow();
        Map<String, Object> hard = get(r.doc("apps/" + app.name() + "/overlays/prod/resourcequota.yaml"), "spec", "hard");
        // istio-proxy adds 256Mi of limits to every pod (catalog entry istio, meshOverhead.sidecar)
        Quantity perPod = app.limits().memory().plus(Quantity.parse("256Mi"));
        assertThat(Quantity.parse((String) hard.get("limits.memory"))).isGreaterThanOrEqualTo(perPod.times(prod.maxReplicas() + 1));
    }

    @Test
    void theCanaryIsARolloutRoutedThroughTheHttpRouteItsPluginManages() {
        RenderedApps r = RenderedApps.of("home");
        String base = "apps/sample-api/base/";
        Map<String, Object> rollout = r.doc(base + "rollout.yaml");
        assertThat(r.tree().contains(base + "deployment.yaml")).isFalse();
        Map<String, Object> canary = get(rollout, "spec", "strategy", "canary");
        assertThat(canary).containsEntry("stableService", "sample-api").containsEntry("canaryService", "sample-api-canary");
        assertThat((Object) get(canary, "trafficRouting", "plugins", "argoproj-labs/gatewayAPI", "httpRoute"))
                .isEqualTo(RenderFixtures.name(r.doc(base + "httproute.yaml")));
        assertThat((List<Object>) get(canary, "steps")).containsExactly(
                Map.of("setWeight", 20), Map.of("pause", Map.of("duration", "30s")),
                Map.of("setWeight", 50), Map.of("pause", Map.of("duration", "30s")));
        List<Map<String, Object>> backends = get(r.doc(base + "httproute.yaml"), "spec", "rules", "0", "backendRefs");
        assertThat(backends).extracting(b -> b.get("name"), b -> b.get("weight"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sample-api", 100), org.assertj.core.groups.Tuple.tuple("sample-api-canary", 0));
        assertThat(get(r.doc(base + "horizontalpodautoscaler.yaml"), "spec", "scaleTargetRef").toString())
                .contains("kind=Rollout").contains("argoproj.io/v1alpha1");
    }

    @Test
    void aCanaryWithoutArgoRolloutsInstalledStaysADeployment() {
        RenderedApps lab = RenderedApps.of("kind-lab");
        AppSpec app = lab.spec().apps().get(0);
        AppSpec canary = new AppSpec(app.name(), app.image(), app.port(), app.requests(), app.limits(), app.antiAffinity(),
                app.environments(), app.external(), "canary");
        RenderedTree tree = render(lab, List.of(canary));
        assertThat(tree.contains("apps/sample-api/base/deployment.yaml")).isTrue();
        assertThat(tree.contains("apps/sample-api/base/rollout.yaml")).isFalse();
    }

    @Test
    void externalServicesGetASelectorlessServiceAndTheirAddressInAnEndpointSlice() {
        RenderedApps r = RenderedApps.of("home");
        AppSpec app = r.spec().apps().get(0);
        assertThat(app.external()).isNotEmpty();
        String base = "apps/" + app.name() + "/base/";
        for (ExternalService x : app.external()) {
            Map<String, Object> svc = r.doc(base + "service-" + x.name() + ".yaml");
            assertThat((Map<Object, Object>) get(svc, "spec")).doesNotContainKey("selector");
            Map<String, Object> slice = r.doc(base + "endpointslice-" + x.name() + ".yaml");
            assertThat((Object) get(slice, "metadata", "labels", "kubernetes.io/service-name")).isEqualTo(x.name());
            assertThat((List<Object>) get(slice, "endpoints", "0", "addresses")).containsExactly(x.address());
            assertThat((Object) get(slice, "ports", "0", "port")).isEqualTo(x.port());
            assertThat((Object) get(slice, "ports", "0", "name")).isEqualTo(get(svc, "spec", "ports", "0", "name"));
            Map<String, Object> np = r.doc(base + "networkpolicy-allow-external-" + x.name() + ".yaml");
            assertThat((Object) get(np, "spec", "egress", "0", "to", "0", "ipBlock", "cidr")).isEqualTo(x.address() + "/32");
            assertThat((Object) get(np, "spec", "egress", "0", "ports", "0", "port")).isEqualTo(x.port());
        }
        Map<String, Object> data = get(r.doc(base + "configmap.yaml"), "data");
        assertThat(data).containsEntry("DATABASE_HOST", "postgres").containsEntry("DATABASE_PORT", "15432");
        assertThat(data.keySet()).noneMatch(k -> k.contains("PASSWORD"));
        assertThat(r.tree().get(base + "rollout.yaml")).contains("secretKeyRef").contains("sample-api-database");
    }

    @Test
    void anExternalServiceNamedLikeTheAppIsRefusedWithTheFix() {
        RenderedApps lab = RenderedApps.of("kind-lab");
        AppSpec app = lab.spec().apps().get(0);
        AppSpec clash = new AppSpec(app.name(), app.image(), app.port(), app.requests(), app.limits(), app.antiAffinity(),
                app.environments(), List.of(new ExternalService("sample-api", "10.0.0.5", 5432)), app.rollout());
        assertThatThrownBy(() -> render(lab, List.of(clash)))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("apps.sample-api.external.sample-api")
                .hasMessageContaining("rename");
    }

    @ParameterizedTest
    @FieldSource("PROFILES")
    void traceExportPointsAtTheCollectorsOtlpHttpPortAndEgressAdmitsIt(String profile) {
        RenderedApps r = RenderedApps.of(profile);
        String base = "apps/sample-api/base/";
        Map<String, Object> data = get(r.doc(base + "configmap.yaml"), "data");
        if (r.ctx().facts().enabled("alloy")) {
            assertThat(data).containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://alloy.monitoring.svc.cluster.local:4318");
        } else if (r.ctx().facts().enabled("tempo")) {
            assertThat(data).containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://tempo.monitoring.svc.cluster.local:4318");
        } else {
            assertThat(data).doesNotContainKey("OTEL_EXPORTER_OTLP_ENDPOINT");
            assertThat(r.tree().contains(base + "networkpolicy-allow-otlp-egress.yaml")).isFalse();
            return;
        }
        assertThat((Object) get(r.doc(base + "networkpolicy-allow-otlp-egress.yaml"), "spec", "egress", "0", "ports", "0", "port")).isEqualTo(4318);
    }

    @ParameterizedTest
    @FieldSource("PROFILES")
    void metricsAreScrapedWhereTheMeshLetsPrometheusIn(String profile) {
        RenderedApps r = RenderedApps.of(profile);
        String base = "apps/sample-api/base/";
        if (!r.ctx().facts().enabled("kube-prometheus-stack")) {
            assertThat(r.tree().files().keySet()).noneMatch(p -> p.contains("monitor") || p.contains("allow-prometheus"));
            return;
        }
        int scrapePort = get(r.doc(base + "networkpolicy-allow-prometheus.yaml"), "spec", "ingress", "0", "ports", "0", "port");
        if (r.ctx().facts().meshMode() == MeshMode.ISTIO_SIDECAR) {
            assertThat(scrapePort).isEqualTo(15020);
            Map<String, Object> ep = get(r.doc(base + "podmonitor.yaml"), "spec", "podMetricsEndpoints", "0");
            assertThat(ep).containsEntry("path", "/stats/prometheus");
            assertThat((Object) get(ep, "relabelings", "0", "replacement")).isEqualTo("$1:15020");
            String workload = r.tree().contains(base + "rollout.yaml") ? "rollout.yaml" : "deployment.yaml";
            Map<String, Object> annotations = get(r.doc(base + workload), "spec", "template", "metadata", "annotations");
            assertThat(annotations).containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/port", "8080")
                    .containsEntry("prometheus.io/path", "/metrics");
        } else {
            assertThat(scrapePort).isEqualTo(8080);
            Map<String, Object> ep = get(r.doc(base + "servicemonitor.yaml"), "spec", "endpoints", "0");
            assertThat(ep).containsEntry("port", "http").containsEntry("path", "/metrics");
        }
    }

    @ParameterizedTest
    @FieldSource("PROFILES")
    void istioNamespacesAreStrictAndAdmitOnlyTheGatewayAndPrometheus(String profile) {
        RenderedApps r = RenderedApps.of(profile);
        String base = "apps/sample-api/base/";
        if (!r.ctx().facts().meshMode().istio()) {
            assertThat(r.tree().contains(base + "peerauthentication.yaml")).isFalse();
            assertThat(r.tree().contains(base + "authorizationpolicy.yaml")).isFalse();
            return;
        }
        assertThat((Object) get(r.doc(base + "peerauthentication.yaml"), "spec", "mtls", "mode")).isEqualTo("STRICT");
        Map<String, Object> ap = r.doc(base + "authorizationpolicy.yaml");
        assertThat((Object) get(ap, "spec", "action")).isEqualTo("ALLOW");
        List<Object> principals = new ArrayList<>();
        for (Object rule : (List<Object>) get(ap, "spec", "rules")) {
            principals.addAll(get(rule, "from", "0", "source", "principals"));
        }
        List<String> expected = new ArrayList<>();
        if (r.ctx().facts().enabled("istio-gateway")) {
            expected.add("cluster.local/ns/istio-ingress/sa/" + r.ctx().facts().gateway().serviceAccount());
        }
        if (r.ctx().facts().enabled("kube-prometheus-stack")) {
            expected.add("cluster.local/ns/monitoring/sa/" + r.ctx().facts().observability().prometheusServiceAccount());
        }
        assertThat(principals).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @FieldSource("PROFILES")
    void meshControlTrafficIsAdmittedForTheMeshInUse(String profile) {
        RenderedApps r = RenderedApps.of(profile);
        String base = "apps/sample-api/base/";
        switch (r.ctx().facts().meshMode()) {
            case ISTIO_SIDECAR -> assertThat(r.tree().get(base + "networkpolicy-allow-istio-sidecar.yaml"))
                    .contains("kubernetes.io/metadata.name: istio-system").contains("port: 15012");
            case LINKERD -> {
                Map<String, Object> np = r.doc(base + "networkpolicy-allow-linkerd.yaml");
                assertThat((List<Map<String, Object>>) get(np, "spec", "egress", "0", "ports"))
                        .extracting(p -> p.get("port")).containsExactly(8080, 8086, 8090);
                assertThat((Object) get(np, "spec", "ingress", "0", "ports", "0", "port")).isEqualTo(4143);
                assertThat(r.tree().get(base + "deployment.yaml")).contains("linkerd.io/inject: enabled");
            }
            case ISTIO_AMBIENT -> assertThat(r.tree().get(base + "deployment.yaml")).contains("istio.io/dataplane-mode: ambient");
            case NONE -> assertThat(r.tree().files().keySet()).noneMatch(p -> p.contains("allow-istio") || p.contains("allow-linkerd"));
        }
    }

    @Test
    void antiAffinityFollowsTheSpec() {
        RenderedApps lab = RenderedApps.of("kind-lab");
        AppSpec app = lab.spec().apps().get(0);
        for (String mode : List.of("required", "preferred", "none")) {
            AppSpec a = new AppSpec(app.name(), app.image(), app.port(), app.requests(), app.limits(), mode,
                    app.environments(), app.external(), app.rollout());
            Map<String, Object> pod = get(RenderFixtures.single(render(lab, List.of(a)).get("apps/sample-api/base/deployment.yaml")),
                    "spec", "template", "spec");
            switch (mode) {
                case "required" -> assertThat((Object) get(pod, "affinity", "podAntiAffinity",
                        "requiredDuringSchedulingIgnoredDuringExecution", "0", "topologyKey")).isEqualTo("kubernetes.io/hostname");
                case "preferred" -> assertThat((Object) get(pod, "affinity", "podAntiAffinity",
                        "preferredDuringSchedulingIgnoredDuringExecution", "0", "weight")).isEqualTo(100);
                default -> assertThat(pod).doesNotContainKey("affinity");
            }
        }
    }

    @Test
    void appsTierPlacementIsCopiedOnlyWhenTheClusterHasThatTier() {
        Map<String, Object> tiered = get(RenderedApps.of("talos-ambient").doc("apps/sample-api/base/deployment.yaml"), "spec", "template", "spec");
        assertThat((Map<Object, Object>) get(tiered, "nodeSelector")).containsEntry("strata.dev/tier", "apps");
        Map<String, Object> flat = get(RenderedApps.of("kind-lab").doc("apps/sample-api/base/deployment.yaml"), "spec", "template", "spec");
        assertThat(flat).doesNotContainKeys("nodeSelector", "tolerations");
    }

    private static RenderedTree render(RenderedApps from, List<AppSpec> apps) {
        PlatformSpec s = from.spec();
        PlatformSpec changed = new PlatformSpec(s.name(), s.profile(), s.cluster(), s.git(), s.components(), s.environments(), apps);
        RenderedTree tree = new RenderedTree();
        new AppsGenerator().generate(new RenderContext(changed, from.ctx().plan(), from.ctx().catalog()), tree);
        return tree;
    }

    private static void collectScalars(Object node, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                out.add(String.valueOf(k));
                collectScalars(v, out);
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectScalars(v, out));
        } else if (node != null) {
            out.add(String.valueOf(node));
        }
    }
}
