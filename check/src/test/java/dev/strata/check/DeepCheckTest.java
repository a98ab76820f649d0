package dev.strata.check;

import dev.strata.charts.ChartCache;
import dev.strata.charts.ChartRef;
import dev.strata.charts.TestCharts;
import dev.strata.check.load.CachedCharts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata check --deep} on an Argo CD tree that Strata did not write: the Applications' remote
 * charts come from the chart cache and are rendered as Argo CD renders them — values from the tree
 * ({@code $values}) and inline, the destination namespace, hooks as Argo CD runs them, the API
 * versions of the CRDs other charts ship — then judged with the tree.
 */
class DeepCheckTest {

    private static final String REPO = "https://charts.example.org";

    /** A restricted-compliant pod spec, with a placeholder for what a case breaks. */
    private static String pod(String name, String extraContainerSecurity) {
        return """
                    spec:
                      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                      containers:
                        - name: %s
                          image: registry.example.org/%s:1.0.0
                          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}%s}
                          resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 32Mi}}
                """.formatted(name, name, extraContainerSecurity);
    }

    /** Ships the Monitor CRD (crds/), a Deployment, a pre-install hook Job that runs privileged, a pre-delete hook that would too. */
    private static TestCharts monitoring() {
        return TestCharts.chart("mon", "1.0.0")
                .file("crds/monitors.yaml", """
                        apiVersion: apiextensions.k8s.io/v1
                        kind: CustomResourceDefinition
                        metadata: {name: monitors.example.org}
                        spec:
                          group: example.org
                          names: {kind: Monitor, plural: monitors}
                          scope: Namespaced
                          versions:
                            - name: v1
                              served: true
                              storage: true
                              schema:
                                openAPIV3Schema:
                                  type: object
                                  properties:
                                    spec:
                                      type: object
                                      required: [interval]
                                      properties:
                                        interval: {type: string}
                        """)
                .file("templates/hooks.yaml", """
                        apiVersion: batch/v1
                        kind: Job
                        metadata: {name: mon-setup, annotations: {helm.sh/hook: pre-install}}
                        spec:
                          template:
                        %s
                        ---
                        apiVersion: batch/v1
                        kind: Job
                        metadata: {name: mon-teardown, annotations: {helm.sh/hook: pre-delete}}
                        spec:
                          template:
                        %s
                        """.formatted(pod("setup", ", privileged: true").indent(2), pod("teardown", ", privileged: true").indent(2)));
    }

    /** Asks the cluster whether Monitors exist and renders one if so; its values say whether it is on. */
    private static TestCharts web() {
        return TestCharts.chart("web", "2.0.0")
                .values("monitor:\n  enabled: true\n")
                .file("templates/monitor.yaml", """
                        {{- if and .Values.monitor.enabled (.Capabilities.APIVersions.Has "example.org/v1/Monitor") }}
                        apiVersion: example.org/v1
                        kind: Monitor
                        metadata: {name: web}
                        spec: {}
                        {{- end }}
                        """);
    }

    @TempDir
    Path root;
    ChartCache cache;

    @BeforeEach
    void tree() throws IOException {
        cache = new ChartCache(root.resolve("cache"));
        Path archives = Files.createDirectories(root.resolve("archives"));
        cache.put(ChartRef.helm(REPO, "mon", "1.0.0"), monitoring().pack(archives));
        cache.put(ChartRef.helm(REPO, "web", "2.0.0"), web().pack(archives));
        Files.createDirectories(root.resolve("lab/.git"));
        write("lab/namespaces.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: monitoring, labels: {pod-security.kubernetes.io/enforce: restricted}}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: web, labels: {pod-security.kubernetes.io/enforce: restricted}}
                """);
        write("lab/apps/mon.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: mon, namespace: argocd}
                spec:
                  project: default
                  source: {repoURL: %s, chart: mon, targetRevision: 1.0.0}
                  destination: {server: https://kubernetes.default.svc, namespace: monitoring}
                """.formatted(REPO));
        write("lab/apps/web.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: web, namespace: argocd}
                spec:
                  project: default
                  sources:
                    - repoURL: %s
                      chart: web
                      targetRevision: 2.0.0
                      helm: {valueFiles: [$values/values/web.yaml]}
                    - {repoURL: https://git.example.org/lab.git, ref: values}
                  destination: {server: https://kubernetes.default.svc, namespace: web}
                """.formatted(REPO));
        write("lab/values/web.yaml", "monitor:\n  enabled: \"yes\"\n");
        write("lab/apps/other.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: other, namespace: argocd}
                spec:
                  project: default
                  source: {repoURL: %s, chart: other, targetRevision: 9.9.9}
                  destination: {server: https://kubernetes.default.svc, namespace: web}
                """.formatted(REPO));
    }

    private void write(String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private CheckReport check() {
        Path lab = root.resolve("lab");
        return CheckEngine.builder().baseDir(lab).deep(CachedCharts.forInputs(cache, List.of(lab))).build().check(List.of(lab));
    }

    private static List<String> errors(CheckReport r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(f -> f.rule() + " " + f.object().display() + " @" + f.file()).toList();
    }

    @Test
    void aSyncHookIsAdmittedLikeAnythingElseWhileADeleteHookIsSetAsideWithTheReason() {
        CheckReport r = check();
        assertThat(errors(r)).anySatisfy(e -> assertThat(e).startsWith("pod-security-admission Job/monitoring/mon-setup @apps/mon.yaml"));
        assertThat(errors(r)).noneSatisfy(e -> assertThat(e).contains("mon-teardown"));
        assertThat(r.skipped()).anySatisfy(s -> assertThat(s.what() + ": " + s.reason())
                .contains("mon-teardown").contains("runs it only when the Application is deleted"));
    }

    @Test
    void aChartAskingForAnApiVersionSeesTheCrdAnotherChartShipsAndItsObjectIsValidatedAgainstIt() {
        assertThat(errors(check())).anySatisfy(e -> assertThat(e).startsWith("crd-schema-violation Monitor/web/web"));
    }

    @Test
    void aValuesFileFromTheTreeThatChangesAValuesTypeIsAnErrorOnThatFile() {
        CheckReport r = check();
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("values-type-mismatch");
            assertThat(f.file()).isEqualTo("values/web.yaml");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).contains("monitor.enabled").contains("string").contains("boolean");
        });
    }

    @Test
    void aChartMissingFromTheCacheIsSaidNotPassed() {
        assertThat(check().skipped()).anySatisfy(s -> assertThat(s.what() + ": " + s.reason())
                .contains("other 9.9.9").contains("not in the chart cache"));
    }

    @Test
    void withoutDeepTheRemoteChartsAreNotRenderedAndNothingInsideThemIsJudged() {
        Path lab = root.resolve("lab");
        CheckReport shallow = CheckEngine.builder().baseDir(lab).build().check(List.of(lab));
        assertThat(errors(shallow)).noneSatisfy(e -> assertThat(e).contains("mon-setup"));
    }

    @Test
    void aFluxHelmReleaseFromAHelmRepositoryAndAChartDependencyNotVendoredRenderFromTheCache() throws IOException {
        write("lab/flux/web.yaml", """
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: HelmRepository
                metadata: {name: lab, namespace: flux-web}
                spec: {interval: 1h, url: %s}
                ---
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: web, namespace: flux-web}
                spec:
                  interval: 1h
                  chart: {spec: {chart: web, version: 2.0.0, sourceRef: {kind: HelmRepository, name: lab}}}
                  values: {monitor: {enabled: false}}
                """.formatted(REPO));
        write("lab/charts/blog/Chart.yaml", "apiVersion: v2\nname: blog\nversion: 1.0.0\ndependencies:\n"
                + "  - {name: mon, version: 1.0.0, repository: %s}\n".formatted(REPO));
        write("lab/charts/blog/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: blog}\ndata: {a: b}\n");
        CheckReport r = check();
        // the HelmRelease's chart rendered in its namespace with its values (monitor off: no Monitor), the dependency too
        assertThat(r.findings()).noneSatisfy(f -> assertThat(f.object().display()).isEqualTo("Monitor/flux-web/web"));
        assertThat(r.skipped()).noneSatisfy(s -> assertThat(s.what()).isIn("Flux HelmRelease flux-web/web", "charts/blog"));
        // the dependency's objects point at the Chart.yaml that declares it (its templates are in the cache, not the tree)
        assertThat(errors(r)).contains("privileged-container Job/default/mon-setup @charts/blog/Chart.yaml");
        Path lab = root.resolve("lab");
        assertThat(CheckEngine.builder().baseDir(lab).build().chartsOf(List.of(lab))).extracting(ChartRef::display)
                .contains("web 2.0.0 (%s)".formatted(REPO), "mon 1.0.0 (%s)".formatted(REPO), "other 9.9.9 (%s)".formatted(REPO));
    }

    @Test
    void aKustomizationsHelmChartsAreRenderedFromTheCacheWithTheirNamespaceAndInlineValues() throws IOException {
        write("lab/kustomize/web/kustomization.yaml", """
                namespace: kweb
                helmCharts:
                  - name: web
                    repo: %s
                    version: 2.0.0
                    releaseName: kweb
                    valuesInline: {monitor: {enabled: false}}
                """.formatted(REPO));
        CheckReport r = check();
        assertThat(r.skipped()).anySatisfy(s -> assertThat(s.what() + ": " + s.reason())
                .isEqualTo("kustomize/web: kustomize directory not built: it uses helmCharts, which kustomize renders only with"
                        + " --enable-helm and a helm binary; its charts are rendered in-process without the kustomization's transformations"));
        assertThat(r.skipped()).noneSatisfy(s -> assertThat(s.reason()).contains("helmCharts web 2.0.0"));
        // rendered in namespace kweb with valuesInline: monitor off, so no Monitor there
        assertThat(r.findings()).noneSatisfy(f -> assertThat(f.object().display()).startsWith("Monitor/kweb/"));
        Path lab = root.resolve("lab");
        assertThat(CheckEngine.builder().baseDir(lab).build().chartsOf(List.of(lab))).extracting(ChartRef::display)
                .contains("web 2.0.0 (%s)".formatted(REPO));
    }
}
