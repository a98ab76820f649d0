package dev.strata.plan.measure;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Resources;
import dev.strata.charts.ChartCache;
import dev.strata.charts.TestCharts;
import dev.strata.plan.Plan;
import dev.strata.plan.PlannedRelease;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.NodeUsage;
import dev.strata.plan.capacity.PodCategory;
import dev.strata.plan.capacity.PodFactory;
import dev.strata.plan.capacity.PodRequest;
import dev.strata.plan.capacity.Scenario;
import dev.strata.spec.PlatformSpec;
import dev.strata.spec.SpecLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata plan} sized from the charts: small charts stand in for upstream ones in the cache
 * (rendered by helm-java with the planned values, through the same renderer users run), and the
 * catalog's declarations are held to what they render.
 */
class MeasuredPlanTest {

    private static final PlatformSpec KIND_LAB = SpecLoader.bundled().profile("kind-lab");

    /** Honours the catalog's keys for metrics-server: replicas, resources, nodeSelector, tolerations. */
    private static TestCharts metricsServer() {
        return TestCharts.chart("metrics-server", version("metrics-server"))
                .values("replicas: 1\nresources: {}\nnodeSelector: {}\ntolerations: []\n")
                .file("templates/deployment.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: metrics-server}
                        spec:
                          replicas: {{ .Values.replicas }}
                          template:
                            spec:
                              nodeSelector: {{ toJson .Values.nodeSelector }}
                              tolerations: {{ toJson .Values.tolerations }}
                              containers:
                                - name: metrics-server
                                  resources: {{ toJson .Values.resources }}
                        """);
    }

    /** Three Deployments sized by their own keys, a post-install Job the catalog turns off, a test Pod. */
    private static TestCharts certManager() {
        StringBuilder t = new StringBuilder();
        for (String[] d : new String[][] {{"cert-manager", ""}, {"cert-manager-webhook", "webhook."}, {"cert-manager-cainjector", "cainjector."}}) {
            String v = ".Values." + d[1];
            t.append("""
                    ---
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: %s}
                    spec:
                      replicas: {{ %sreplicaCount }}
                      template:
                        spec:
                          nodeSelector: {{ toJson %snodeSelector }}
                          containers: [{name: c, resources: {{ toJson %sresources }}}]
                    """.formatted(d[0], v, v, v));
        }
        return TestCharts.chart("cert-manager", version("cert-manager"))
                .values("""
                        replicaCount: 1
                        resources: {}
                        nodeSelector: {}
                        webhook: {replicaCount: 1, resources: {}, nodeSelector: {}}
                        cainjector: {replicaCount: 1, resources: {}, nodeSelector: {}}
                        startupapicheck: {enabled: true}
                        """)
                .file("templates/deployments.yaml", t.toString())
                .file("templates/hooks.yaml", """
                        {{- if .Values.startupapicheck.enabled }}
                        apiVersion: batch/v1
                        kind: Job
                        metadata: {name: cert-manager-startupapicheck, annotations: {helm.sh/hook: post-install}}
                        spec: {template: {spec: {containers: [{name: check, resources: {requests: {cpu: 10m, memory: 32Mi}}}]}}}
                        {{- end }}
                        ---
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: cert-manager-test, annotations: {helm.sh/hook: test}}
                        spec: {containers: [{name: t, resources: {requests: {cpu: "2", memory: 4Gi}}}]}
                        """);
    }

    private static String version(String release) {
        return plannedRelease(Planner.bundled().plan(KIND_LAB, Scenario.REPLICAS), release).source().version();
    }

    private static PlannedRelease plannedRelease(Plan plan, String name) {
        return plan.release(name).orElseThrow();
    }

    @TempDir
    static Path dir;

    private static ChartCache cache;

    @BeforeAll
    static void standIns() {
        cache = new ChartCache(dir.resolve("charts"));
        Plan declared = Planner.bundled().plan(KIND_LAB, Scenario.REPLICAS);
        cache.put(plannedRelease(declared, "metrics-server").chart(), metricsServer().pack(dir));
        cache.put(plannedRelease(declared, "cert-manager").chart(), certManager().pack(dir));
    }

    @Test
    void whereTestChartsStandInForRealOnesTheCatalogsDeclarationsAreWithinFivePercentOfWhatTheyRender() {
        Plan plan = Planner.bundled().plan(KIND_LAB, Scenario.REPLICAS, new CachedReleaseRenderer(cache));

        List<ReleaseSizing> measured = plan.measurement().sizing().stream().filter(ReleaseSizing::isMeasured).toList();
        assertThat(measured).extracting(ReleaseSizing::release).containsExactlyInAnyOrder("metrics-server", "cert-manager");
        assertThat(measured).allSatisfy(s -> assertThat(s.agrees()).as(s.release() + ": " + s.describe()).isTrue());
        assertThat(measured).allSatisfy(s -> assertThat(s.measured().orElseThrow().complete()).as(s.release()).isTrue());
        assertThat(plan.measurement().of("argocd")).hasValueSatisfying(s -> {
            assertThat(s.isMeasured()).isFalse();
            assertThat(s.why()).hasValueSatisfying(w -> assertThat(w).contains("not in the cache"));
        });
    }

    @Test
    void theMeasuredPlanPlacesWhatTheChartsRenderWithTheSpecsOverridesHooksAsJobsAndNeverATestPod() {
        PlatformSpec spec = SpecLoader.bundled().parse("platform.yaml", """
                apiVersion: strata.dev/v1alpha1
                kind: Platform
                metadata: {name: t}
                spec:
                  cluster:
                    provider: kind
                    kubernetesVersion: v1.34.11
                    nodes:
                      - {name: control-plane, role: control-plane, count: 1, capacity: {cpu: "2", memory: 4Gi}}
                      - {name: worker, role: worker, tier: platform, count: 1, capacity: {cpu: "2", memory: 4Gi}}
                  components:
                    cilium: {}
                    cert-manager:
                      values:
                        webhook: {replicaCount: 2}
                        startupapicheck: {enabled: true}
                """);
        Plan declared = Planner.bundled().plan(spec, Scenario.REPLICAS);
        Plan measured = Planner.bundled().plan(spec, Scenario.REPLICAS, new CachedReleaseRenderer(cache));

        List<PodRequest> certManager = pods(measured, "cert-manager");
        assertThat(certManager).filteredOn(p -> p.category() == PodCategory.COMPONENT).extracting(PodRequest::name)
                .containsExactlyInAnyOrder("cert-manager", "cert-manager-webhook-1", "cert-manager-webhook-2", "cert-manager-cainjector");
        assertThat(certManager).filteredOn(p -> p.category() == PodCategory.JOB).extracting(PodRequest::name)
                .containsExactly("cert-manager-startupapicheck");
        assertThat(certManager).extracting(PodRequest::name).doesNotContain("cert-manager-test");
        // placed on the platform tier by the nodeSelector the chart rendered from the planned values
        assertThat(nodesOf(measured, "cert-manager")).containsOnly("worker");
        // the override reaches both: the declared figures read it at the catalog's replicasKey, the chart renders it
        assertThat(measured.capacity().componentRequests()).isEqualTo(declared.capacity().componentRequests());
        assertThat(measured.measurement().of("cert-manager").orElseThrow().onlyRendered()).containsExactly("cert-manager-startupapicheck");
    }

    @Test
    void aChartThatIgnoresTheCatalogsValuesKeyIsCaughtAndThePlanCountsWhatItReallyRequests(@TempDir Path other) {
        ChartCache drifted = new ChartCache(other.resolve("charts"));
        Plan declared = Planner.bundled().plan(KIND_LAB, Scenario.REPLICAS);
        TestCharts hardCoded = TestCharts.chart("metrics-server", version("metrics-server")).file("templates/d.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: metrics-server}
                spec:
                  template:
                    spec:
                      containers: [{name: metrics-server, resources: {requests: {cpu: 100m, memory: 200Mi}}}]
                """);
        drifted.put(plannedRelease(declared, "metrics-server").chart(), hardCoded.pack(other));

        Plan measured = Planner.bundled().plan(KIND_LAB, Scenario.REPLICAS, new CachedReleaseRenderer(drifted));

        ReleaseSizing s = measured.measurement().of("metrics-server").orElseThrow();
        assertThat(s.agrees()).isFalse();
        assertThat(s.describe()).contains("100m rendered").contains("200Mi rendered").contains("10m declared");
        Resources declaredPod = pods(declared, "metrics-server").get(0).requests();
        assertThat(measured.capacity().componentRequests().minus(declared.capacity().componentRequests()))
                .isEqualTo(Resources.of("100m", "200Mi").minus(declaredPod));
    }

    /** The pods the plan hands the scheduler for one owner. */
    private static List<PodRequest> pods(Plan plan, String owner) {
        return PodFactory.pods(Catalog.bundled(), plan.spec(), plan.releases(), Scenario.REPLICAS, plan.measurement().rendered())
                .stream().filter(p -> p.owner().equals(owner)).toList();
    }

    private static List<String> nodesOf(Plan plan, String owner) {
        return plan.capacity().nodes().stream().filter(n -> n.pods().stream().anyMatch(p -> p.owner().equals(owner)
                && p.category() == PodCategory.COMPONENT)).map(NodeUsage::node).map(n -> n.name()).toList();
    }
}
