package dev.strata.check.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.check.InputError;
import dev.strata.check.Skipped;
import dev.strata.check.graph.Resource;
import dev.strata.yaml.tree.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputLoaderTest {

    @TempDir
    Path root;

    private final List<Path> built = new ArrayList<>();
    private final List<ChartRenderer.Request> rendered = new ArrayList<>();

    private Kustomizer kustomizer = dir -> {
        built.add(dir);
        return new Kustomizer.Built("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: from-kustomize, namespace: dev}\n");
    };

    private ChartRenderer charts = (chart, request) -> {
        rendered.add(request);
        return new ChartRenderer.Rendered(List.of(new ChartRenderer.Part("web/templates/svc.yaml", "apiVersion: v1\nkind: Service\n"
                + "metadata: {name: " + request.releaseName() + "}\nspec: {ports: [{port: 80}]}\n")), java.util.Map.of(), false);
    };

    private LoadResult load(Path... paths) {
        return new InputLoader(kustomizer, charts, new YamlReader(), root).load(List.of(paths));
    }

    private Path write(String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private static List<String> names(LoadResult r) {
        return r.resources().stream().map(Resource::name).toList();
    }

    @Test
    void plainYamlIsLoadedWithFileAndLineAndOtherFilesAreSkippedAndCounted() throws IOException {
        write("apps/web.yaml", "# web\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n");
        write("README.md", "# readme\n");
        Files.write(root.resolve("logo.yaml"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        write("values.yaml", "replicas: 3\n");
        write("platform.yaml", "apiVersion: strata.dev/v1alpha1\nkind: Platform\n");

        LoadResult r = load(root);

        assertThat(r.resources()).singleElement().satisfies(res -> {
            assertThat(res.file()).isEqualTo("apps/web.yaml");
            assertThat(res.line()).isEqualTo(2);
        });
        assertThat(r.files()).isEqualTo(1);
        assertThat(r.skipped()).containsExactlyInAnyOrder(
                new Skipped("README.md", "not a yaml file"),
                new Skipped("logo.yaml", "binary file"),
                new Skipped("values.yaml", "no kubernetes objects"));
        assertThat(r.platformFiles()).containsExactly(root.resolve("platform.yaml"));
    }

    @Test
    void textThatIsNotUtf8IsSkippedButAReplacementCharacterWrittenInUtf8IsText() throws IOException {
        byte[] latin1 = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(root.resolve("latin1.yaml"), latin1);
        write("replacement.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: r}\ndata: {mark: \"\uFFFD\"}\n");

        LoadResult r = load(root);

        assertThat(r.skipped()).containsExactly(new Skipped("latin1.yaml", "not utf-8 text (binary?)"));
        assertThat(r.resources()).singleElement().satisfies(res -> {
            assertThat(res.name()).isEqualTo("r");
            assertThat(res.root().path("data").flatMap(d -> d.str("mark"))).contains("\uFFFD");
        });
    }

    @Test
    void malformedFileIsReportedWithLineAndTheRestIsStillLoaded() throws IOException {
        write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n");
        write("b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
        LoadResult r = load(root);
        assertThat(names(r)).containsExactly("b");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("a.yaml");
            assertThat(p.rule()).isEqualTo("yaml-syntax");
            assertThat(p.line()).isEqualTo(5);
        });
    }

    @Test
    void missingPathIsAnInputError() {
        LoadResult r = load(root.resolve("nope"));
        assertThat(r.inputErrors()).containsExactly(new InputError("nope", "path does not exist"));
    }

    @Test
    void kustomizeDirectoriesAreBuiltOnceFromTheirRootAndTheirFilesAreNotLoadedTwice() throws IOException {
        write("apps/web/base/kustomization.yaml", "resources: [deployment.yaml]\n");
        write("apps/web/base/deployment.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: base-only}\n");
        write("apps/web/overlays/dev/kustomization.yaml", "resources: [../../base]\nnamespace: dev\n");
        LoadResult r = load(root);
        assertThat(built).containsExactly(root.resolve("apps/web/overlays/dev"));
        assertThat(names(r)).containsExactly("from-kustomize");
        assertThat(r.resources().getFirst().file()).isEqualTo("apps/web/overlays/dev/kustomization.yaml");
    }

    @Test
    void kustomizeWithoutToolIsSkippedWithTheReasonAndAFailedBuildIsAFinding() throws IOException {
        write("a/kustomization.yaml", "resources: []\n");
        kustomizer = dir -> new Kustomizer.Unavailable("neither kustomize nor kubectl is on PATH");
        assertThat(load(root).skipped()).containsExactly(
                Skipped.unrenderedSource("a", "kustomize directory not built: neither kustomize nor kubectl is on PATH"));
        kustomizer = dir -> new Kustomizer.Failed("kubectl kustomize failed: missing resource x.yaml");
        assertThat(load(root).problems()).containsExactly(new LoadProblem("render-failed", "a/kustomization.yaml", 1,
                "kubectl kustomize failed: missing resource x.yaml"));
    }

    @Test
    void kustomizationsThatNeedTheNetworkAreSkippedNotBuilt() throws IOException {
        write("apps/remote/base/kustomization.yaml", "resources:\n  - github.com/org/repo//deploy?ref=v1.0.0\n");
        write("apps/remote/overlay/kustomization.yaml", "resources: [../base]\n");
        write("apps/chart/kustomization.yaml", "helmCharts:\n  - {name: redis, repo: https://charts.example, version: 1.0.0}\n");
        LoadResult r = load(root);
        assertThat(built).isEmpty();
        assertThat(r.skipped()).containsExactlyInAnyOrder(
                Skipped.unrenderedSource("apps/remote/overlay", "kustomize directory not built: building it needs the network "
                        + "(remote resource github.com/org/repo//deploy?ref=v1.0.0)"),
                Skipped.unrenderedSource("apps/chart", "helmCharts redis 1.0.0 (https://charts.example) not rendered: charts from a"
                        + " repository are rendered by strata check --deep"),
                Skipped.unrenderedSource("apps/chart", "kustomize directory not built: it uses helmCharts, which kustomize renders only with"
                        + " --enable-helm and a helm binary; its charts are rendered in-process without the kustomization's transformations"));
        assertThat(r.charts()).extracting(dev.strata.charts.ChartRef::display).containsExactly("redis 1.0.0 (https://charts.example)");
    }

    @Test
    void chartsAreRenderedAndKeepTheTemplateFileName() throws IOException {
        write("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
        write("charts/web/templates/svc.yaml", "{{ .Values.x }}\n");
        LoadResult r = load(root);
        assertThat(r.resources()).singleElement().satisfies(res -> {
            assertThat(res.name()).isEqualTo("web");
            assertThat(res.file()).isEqualTo("charts/web/templates/svc.yaml");
            assertThat(res.origin()).isEqualTo("helm:charts/web");
        });
    }

    @Test
    void anApplicationsRenderingReplacesTheDefaultRenderingAndItsFailure() throws IOException {
        write("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
        write("apps.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: web, namespace: argocd}
                spec:
                  source:
                    repoURL: https://git.local/lab.git
                    path: charts/web
                    helm: {valuesObject: {image: {tag: "1.0"}}}
                  destination: {namespace: prod}
                """);
        charts = (chart, request) -> {
            rendered.add(request);
            return request.inlineValues().isPresent()
                    ? new ChartRenderer.Rendered(List.of(new ChartRenderer.Part("web/templates/svc.yaml",
                            "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n")), java.util.Map.of(), false)
                    : new ChartRenderer.Failed("helm template failed: image.tag is required");
        };
        LoadResult r = load(root);
        assertThat(r.problems()).isEmpty();
        assertThat(rendered).extracting(ChartRenderer.Request::inlineValues)
                .containsExactly(Optional.of("image:\n  tag: '1.0'\n"));
        assertThat(r.resources()).extracting(res -> res.name() + "@" + res.namespace())
                .containsExactlyInAnyOrder("web@argocd", "web@prod");
    }

    @Test
    void chartsWithDependenciesThatAreNotVendoredAreSkippedWithTheReason() throws IOException {
        write("apps/blog/Chart.yaml", "apiVersion: v2\nname: blog\nversion: 1.0.0\ndependencies:\n"
                + "  - {name: app-template, version: 3.0.0, repository: https://bjw-s.github.io/helm-charts}\n"
                + "  - {name: common, version: 1.0.0, repository: https://charts.example}\n");
        Files.createDirectories(root.resolve("apps/blog/charts/common"));
        LoadResult r = load(root);
        assertThat(rendered).isEmpty();
        assertThat(r.skipped()).containsExactly(Skipped.unrenderedSource("apps/blog", "chart dependencies are not vendored in "
                + "charts/ (app-template); run helm dependency build to check it offline"));
    }

    @Test
    void templatesOfOtherToolsAreSkippedNotReportedAsBrokenYaml() throws IOException {
        write("roles/cilium/templates/pool.yaml", "apiVersion: cilium.io/v2alpha1\nkind: CiliumLoadBalancerIPPool\n"
                + "spec:\n  blocks:\n{% for cidr in cidrs %}\n    - cidr: {{ cidr }}\n{% endfor %}\n");
        LoadResult r = load(root);
        assertThat(r.problems()).isEmpty();
        assertThat(r.skipped()).singleElement().satisfies(s -> {
            assertThat(s.what()).isEqualTo("roles/cilium/templates/pool.yaml");
            assertThat(s.reason()).startsWith("a template ({{ }} or {% %}), not plain yaml: ");
        });
    }

    /** helm template without a cluster answers lookup with an empty map; the renderer does the same offline (HelmTemplateTest). */
    @Test
    void chartsCallingLookupAreRenderedAsArgoCdRendersThem() throws IOException {
        write("charts/db/Chart.yaml", "apiVersion: v2\nname: db\nversion: 1.0.0\n");
        write("charts/db/templates/secret.yaml", "{{- $s := lookup \"v1\" \"Secret\" .Release.Namespace \"db\" }}\n");
        LoadResult r = load(root);
        assertThat(rendered).extracting(ChartRenderer.Request::releaseName).containsExactly("db");
        assertThat(r.skipped()).isEmpty();
    }

    @Test
    void argoApplicationsAreFollowedIntoChartsWithTheirValuesAndIntoPathsOutsideTheInput() throws IOException {
        write("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
        write("charts/web/values-prod.yaml", "replicas: 3\n");
        write("platform/extra/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\n");
        Path apps = write("bootstrap/apps.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: web-prod, namespace: argocd}
                spec:
                  source:
                    repoURL: https://git.local/lab.git
                    path: charts/web
                    helm: {valueFiles: [values-prod.yaml], releaseName: web}
                  destination: {namespace: prod}
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: extra, namespace: argocd}
                spec:
                  source: {repoURL: https://git.local/lab.git, path: platform/extra}
                  destination: {namespace: tools}
                """);
        Files.createDirectories(root.resolve(".git"));

        LoadResult r = load(apps.getParent());

        assertThat(rendered).containsExactly(new ChartRenderer.Request("web", "prod",
                List.of(root.resolve("charts/web/values-prod.yaml")), Optional.empty(), InputLoader.DEFAULT_KUBE_VERSION, java.util.Set.of()));
        assertThat(r.resources()).extracting(res -> res.name() + "@" + res.namespace())
                .containsExactlyInAnyOrder("web-prod@argocd", "extra@argocd", "web@prod", "extra@tools");
    }

    @Test
    void aDuplicateKeyInAChartsValuesIsAYamlErrorAtItsLineAndTheChartIsNotRendered() throws IOException {
        write("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
        write("charts/web/values.yaml", "replicas: 1\nimage: {tag: 1.2.0}\nreplicas: 2\n");
        LoadResult r = load(root);
        assertThat(r.problems()).containsExactly(new LoadProblem("yaml-syntax", "charts/web/values.yaml", 3,
                "values file of chart charts/web cannot be read by Helm: duplicate key \"replicas\" (first at line 1); keep one"));
        assertThat(rendered).isEmpty();
    }

    @Test
    void aHelmReleasesValuesReachHelmWithTheirTypesAStringOffStaysAString() throws IOException {
        write("charts/db/Chart.yaml", "apiVersion: v2\nname: db\nversion: 1.0.0\n");
        write("apps/db.yaml", """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: db, namespace: data}
                spec:
                  chart: {spec: {chart: ./charts/db, sourceRef: {kind: GitRepository, name: flux-system, namespace: flux-system}}}
                  values: {database: "off", replicas: 2}
                """);
        Files.createDirectories(root.resolve(".git"));
        load(root);
        // Helm reads values as YAML 1.1: an unquoted off would reach the chart as false (issue #10, Kong's database: off)
        assertThat(rendered).singleElement().satisfies(r -> assertThat(r.inlineValues()).hasValueSatisfying(v ->
                assertThat(v).contains("database: 'off'").contains("replicas: 2")));
    }
}
