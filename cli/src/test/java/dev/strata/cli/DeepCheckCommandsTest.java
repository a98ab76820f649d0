package dev.strata.cli;

import dev.strata.charts.ChartCache;
import dev.strata.charts.TestCharts;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import dev.strata.spec.SpecLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform proved with its charts, as a user runs it: {@code charts pull --from}, {@code check
 * --deep}, {@code plan} measured from the cache, and the proof {@code up} runs before creating
 * anything. Small charts stand in for the upstream ones (never the network).
 */
class DeepCheckCommandsTest {

    private static final String SPEC = """
            apiVersion: strata.dev/v1alpha1
            kind: Platform
            metadata: {name: proof}
            spec:
              cluster:
                provider: existing
                kubernetesVersion: v1.34.11
                nodes:
                  - {name: cp, role: control-plane, capacity: {cpu: "2", memory: 4Gi}}
                  - {name: w, role: worker, capacity: {cpu: "2", memory: 4Gi}}
              components:
                metrics-server: {}
            """;

    /** A pod that Pod Security "restricted" admits, sized and placed by the keys the catalog writes. */
    private static String deployment(String name, String extraVolume) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: {{ .Release.Namespace }}}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec:
                      nodeSelector: {{ toJson (.Values.nodeSelector | default dict) }}
                      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                      containers:
                        - name: %s
                          image: registry.example.org/%s:1.0.0
                          securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
                          resources: {{ toJson .Values.resources }}
                          readinessProbe: {httpGet: {path: /ready, port: 8080}}
                          livenessProbe: {httpGet: {path: /live, port: 8080}}
                %s
                """.formatted(name, name, name, name, name, extraVolume.indent(6).stripTrailing());
    }

    /** A ConfigMap nothing in the platform creates, in a namespace the platform owns (gitea's). */
    private static final String MISSING_CONFIGMAP = """
            volumes:
              - name: extra
                configMap: {name: gitea-extra}
            """;

    @TempDir
    Path dir;
    Path from;
    Path cache;
    Path spec;

    @BeforeEach
    void standIns() throws Exception {
        from = Files.createDirectories(dir.resolve("archives"));
        cache = dir.resolve("cache");
        Path tree = Files.createDirectories(dir.resolve("lab"));
        spec = Files.writeString(tree.resolve("platform.yaml"), SPEC);
        pack("metrics-server", "");
        pack("gitea", "");
    }

    private void pack(String chart, String extraVolume) {
        TestCharts.chart(chart, version(chart)).values("resources: {}\nnodeSelector: {}\n")
                .file("templates/deployment.yaml", deployment(chart, extraVolume)).pack(from);
    }

    private static String version(String release) {
        return Planner.bundled().plan(SpecLoader.bundled().parse("platform.yaml", SPEC), Scenario.REPLICAS)
                .release(release).orElseThrow().source().version();
    }

    private Cli pull() {
        return Cli.run("charts", "pull", "-f", spec.toString(), "--from", from.toString(), "--cache", cache.toString());
    }

    @Test
    void chartsPullImportsEveryChartAndLocksItsDigestThenRefusesAChangedArchive() throws Exception {
        Cli first = pull();
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("metrics-server " + version("metrics-server"), "imported", "2 charts in the cache");
        Path lock = spec.resolveSibling("charts.lock");
        String locked = Files.readString(lock);
        assertThat(locked).contains("metrics-server", "gitea").containsPattern("sha256:[0-9a-f]{64}");

        pack("gitea", MISSING_CONFIGMAP); // same name and version, other bytes
        Cli again = pull();
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.out()).contains("✗ gitea").contains("charts.lock").contains("was not changed");
        assertThat(Files.readString(lock)).isEqualTo(locked);
    }

    @Test
    void aMissingArchiveIsNamedAndNothingIsLocked() throws Exception {
        Files.delete(from.resolve("gitea-" + version("gitea") + ".tgz"));
        Cli r = pull();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("✗ gitea " + version("gitea"));
        assertThat(spec.resolveSibling("charts.lock")).doesNotExist();
    }

    @Test
    void checkDeepJudgesWhatTheChartsRenderAndPassesASoundPlatform() {
        assertThat(Cli.run("render", "-f", spec.toString()).exit()).isZero();
        assertThat(pull().exit()).isZero();

        Cli tree = Cli.run("check", spec.getParent().toString());
        Cli sound = Cli.run("check", "--deep", "--cache", cache.toString(), spec.getParent().toString());
        assertThat(sound.exit()).as(sound.out()).isZero();
        assertThat(sound.out()).contains("0 errors").doesNotContain("not rendered");
        assertThat(objects(sound)).as("the two Deployments the charts render are judged too").isEqualTo(objects(tree) + 2);
    }

    private static int objects(Cli r) {
        var m = java.util.regex.Pattern.compile("(\\d+) objects in").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void checkDeepFindsTheDefectInsideARenderedChartThatTheTreeAloneHides() {
        assertThat(Cli.run("render", "-f", spec.toString()).exit()).isZero();
        pack("gitea", MISSING_CONFIGMAP);
        assertThat(pull().exit()).isZero();

        Cli shallow = Cli.run("check", spec.getParent().toString());
        assertThat(shallow.exit()).isZero();
        assertThat(shallow.out()).doesNotContain("gitea-extra");
        Cli deep = Cli.run("check", "--deep", "--cache", cache.toString(), spec.getParent().toString());
        assertThat(deep.exit()).isEqualTo(1);
        assertThat(deep.out()).contains("platform/gitops/gitea/values.yaml")
                .containsPattern("error +Deployment/gitea/gitea: configmap gitea-extra does not exist");
    }

    @Test
    void planIsSizedFromTheCachedChartsAndSaysWhereEachFigureComesFrom() {
        assertThat(pull().exit()).isZero();
        Cli measured = Cli.run("plan", "-f", spec.toString(), "--cache", cache.toString());
        assertThat(measured.out()).contains("Sizes: 2 of 2 releases measured from their charts")
                .containsPattern("metrics-server\\s+metrics-server\\s+measured\\s+within 5% of the catalog");
        Cli declared = Cli.run("plan", "-f", spec.toString(), "--cache", cache.toString(), "--declared");
        assertThat(declared.out()).contains("Sizes: declared in the catalog");
    }

    @Test
    void theProofUpRunsReportsFindingsWithFileAndLineAndPullFailuresByChart() throws Exception {
        assertThat(Cli.run("render", "-f", spec.toString()).exit()).isZero();
        pack("gitea", MISSING_CONFIGMAP);
        var plan = Planner.bundled().plan(SpecLoader.bundled().parse("platform.yaml", SPEC), Scenario.REPLICAS);
        List<String> lines = new ArrayList<>();

        var result = new DeepProof(new ChartCache(cache), Optional.of(from)).prove(spec.getParent(), plan, lines::add);

        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("✓ metrics-server"));
        assertThat(result.charts()).isEqualTo(2);
        assertThat(result.images()).as("what up loads into kind: the images the charts' pods run")
                .containsExactly("registry.example.org/gitea:1.0.0", "registry.example.org/metrics-server:1.0.0");
        assertThat(result.errors()).anySatisfy(e -> assertThat(e).containsPattern("platform/gitops/gitea/values.yaml:\\d+: missing-configmap: .*gitea-extra"));
        assertThat(spec.resolveSibling("charts.lock")).exists();

        Files.delete(from.resolve("metrics-server-" + version("metrics-server") + ".tgz"));
        Files.delete(spec.resolveSibling("charts.lock"));
        var failed = new DeepProof(new ChartCache(dir.resolve("empty-cache")), Optional.of(from)).prove(spec.getParent(), plan, lines::add);
        assertThat(failed.errors()).singleElement().asString().startsWith("chart metrics-server " + version("metrics-server"));
        assertThat(spec.resolveSibling("charts.lock")).doesNotExist();
    }

    @Test
    void anyTreesChartsArePulledWithTreeLockedBesideItAndRenderedByTheDeepCheck() throws Exception {
        Path homelab = Files.createDirectories(dir.resolve("homelab"));
        Files.createDirectories(homelab.resolve(".git"));
        Files.writeString(homelab.resolve("gitea.yaml"), """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: gitea, namespace: argocd}
                spec:
                  project: default
                  source: {repoURL: https://charts.example.org, chart: gitea, targetRevision: %s}
                  destination: {server: https://kubernetes.default.svc, namespace: gitea}
                """.formatted(version("gitea")));
        Cli notYet = Cli.run("check", "--deep", "--cache", cache.toString(), homelab.toString());
        assertThat(notYet.out()).contains("Application argocd/gitea: chart gitea").contains("not in the chart cache")
                .contains("1 source not rendered");

        Cli pulled = Cli.run("charts", "pull", "--tree", homelab.toString(), "--from", from.toString(), "--cache", cache.toString());
        assertThat(pulled.exit()).as(pulled.out() + pulled.err()).isZero();
        assertThat(pulled.out()).contains("Pulling 1 charts", "gitea " + version("gitea"));
        assertThat(Files.readString(homelab.resolve("charts.lock"))).contains("gitea").containsPattern("sha256:[0-9a-f]{64}");

        Cli deep = Cli.run("check", "--deep", "--cache", cache.toString(), homelab.toString());
        assertThat(deep.out()).doesNotContain("not rendered").contains("Deployment/gitea/gitea");
    }
}
