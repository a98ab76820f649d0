package dev.strata.check;

import dev.strata.charts.render.RenderCache;
import dev.strata.check.graph.Resource;
import dev.strata.check.load.HelmJavaChartRenderer;
import dev.strata.check.load.InputLoader;
import dev.strata.check.load.Kustomizer;
import dev.strata.check.load.LoadResult;
import dev.strata.check.load.ProcessKustomizer;
import dev.strata.yaml.tree.YamlReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A Flux repository checked from its root, loaded as kustomize-controller and helm-controller apply
 * it (fluxcd/pkg kustomize generator and envsubst, helm-controller values merging): the fixture
 * {@code trees/flux-fleet} is a bootstrap layout (clusters/lab → infrastructure, apps) with
 * targetNamespace, postBuild substitute and substituteFrom, a patch, a HelmRelease of a chart in the
 * repository with valuesFrom, and one from a Helm repository. Kustomize itself runs (kubectl kustomize).
 */
class FluxLoadingIT {

    @TempDir
    Path root;

    private final Kustomizer kustomize = new ProcessKustomizer(System.getenv().getOrDefault("PATH", ""));

    @BeforeEach
    void copyFleet() throws IOException, URISyntaxException {
        assumeTrue(kustomize.build(root) instanceof Kustomizer.Failed, "needs kustomize or kubectl on PATH");
        Path fleet = Path.of(FluxLoadingIT.class.getResource("/trees/flux-fleet").toURI());
        try (var files = Files.walk(fleet)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = root.resolve(fleet.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        Files.createDirectories(root.resolve(".git"));
    }

    private LoadResult load() {
        return new InputLoader(kustomize, new HelmJavaChartRenderer(Optional.<RenderCache>empty()), new YamlReader(), root)
                .load(List.of(root));
    }

    private CheckReport check() {
        return CheckEngine.builder().kustomizer(kustomize).baseDir(root).build().check(List.of(root));
    }

    private static Resource one(LoadResult load, String kind, String name) {
        List<Resource> found = load.resources().stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).toList();
        assertThat(found).as(kind + " " + name).hasSize(1);
        return found.getFirst();
    }

    @Test
    void theFleetChecksWithNoFalseErrors() {
        CheckReport report = check();
        assertThat(report.findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
        assertThat(report.skipped()).extracting(Skipped::reason)
                .anyMatch(r -> r.contains("chart cert-manager v1.19.1 (https://charts.jetstack.io) not rendered"));
    }

    @Test
    void targetNamespaceSubstitutionAndPatchesApplyAndObjectsPointAtTheFileAPersonEdits() {
        LoadResult load = load();
        Resource deployment = one(load, "Deployment", "podinfo");
        assertThat(deployment.namespace()).isEqualTo("podinfo");
        // substitute wins over substituteFrom; the number is typed again after substitution
        assertThat(deployment.spec().integer("replicas")).contains(3L);
        assertThat(deployment.labels()).containsEntry("env", "lab");
        assertThat(deployment.root().toString()).contains("podinfo on lab.example.org").contains("none")
                .doesNotContain("${");
        assertThat(deployment.spec().path("template", "metadata").orElseThrow().stringMap("annotations"))
                .containsEntry("cluster", "lab");
        assertThat(deployment.file()).isEqualTo("apps/base/podinfo/deployment.yaml");
        assertThat(deployment.line()).isEqualTo(1);
        assertThat(deployment.origin()).isEqualTo("flux:flux-system/apps");
        assertThat(one(load, "Ingress", "podinfo").file()).isEqualTo("apps/base/podinfo/objects.yaml");
        assertThat(one(load, "Ingress", "podinfo").root().toString()).contains("podinfo.lab.example.org");
        // the Namespace object is renamed to the target namespace, as kustomize's namespace transformer does
        assertThat(one(load, "Namespace", "podinfo").file()).isEqualTo("apps/base/podinfo/namespace.yaml");
    }

    @Test
    void aHelmReleaseOfAChartInTheRepositoryIsRenderedWithValuesFromThenItsOwnValues() {
        LoadResult load = load();
        Resource cm = one(load, "ConfigMap", "echo"); // release name: the HelmRelease's name, no targetNamespace
        assertThat(cm.namespace()).isEqualTo("echo");
        // valuesFrom gives replicas 2 over the chart's 1; spec.values wins over valuesFrom for message
        assertThat(cm.root().stringMap("data")).containsEntry("replicas", "2").containsEntry("message", "from-release");
        assertThat(cm.application()).isEqualTo("echo/echo");
    }

    @Test
    void aVariableWithNoValueAndNoDefaultFailsStrictSubstitutionAtTheObjectsFile() throws IOException {
        Path deployment = root.resolve("apps/base/podinfo/deployment.yaml");
        Files.writeString(deployment, Files.readString(deployment).replace("${podinfo_cache:=none}", "${podinfo_cache}"));
        CheckReport report = check();
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("flux-variable-unset"))
                .extracting(f -> f.file() + ":" + f.line() + " " + f.message())
                .containsExactly("apps/base/podinfo/deployment.yaml:1 ${podinfo_cache} in Deployment/podinfo/podinfo has no value"
                        + " in the postBuild variables of Flux Kustomization flux-system/apps and no default");
    }

    @Test
    void variablesFromASourceTheTreeDoesNotHoldAreLeftAsWrittenAndNotReportedAsPlaceholders() throws IOException {
        Path apps = root.resolve("clusters/lab/apps.yaml");
        Files.writeString(apps, Files.readString(apps).replace("name: cluster-vars", "name: cluster-secrets")
                .replace("kind: ConfigMap", "kind: Secret"));
        CheckReport report = check();
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("flux-variable-unset") || f.rule().equals("placeholder-left"))
                .isEmpty();
        assertThat(report.skipped()).extracting(Skipped::reason)
                .contains("postBuild variables from Secret flux-system/cluster-secrets is not in the checked tree: unresolved ${…} left as written");
    }

    @Test
    void aStrayValuesFileInAPathWithoutKustomizationBreaksTheBuildAsFluxDecodesEveryYaml() throws IOException {
        Files.writeString(root.resolve("infrastructure/configs/values.yaml"), "replicas: 2\n");
        CheckReport report = check();
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("flux-build-failed"))
                .extracting(f -> f.file() + ":" + f.line())
                .containsExactly("infrastructure/configs/values.yaml:1");
    }

    @Test
    void aPathThatIsNotInTheRepositoryIsAnErrorForItsOwnSourceAndSkippedForAnother() throws IOException {
        Path infra = root.resolve("clusters/lab/infrastructure.yaml");
        Files.writeString(infra, Files.readString(infra).replace("./infrastructure/configs", "./infrastructure/config"));
        CheckReport report = check();
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("flux-build-failed"))
                .extracting(Finding::message)
                .containsExactly("Flux Kustomization flux-system/infra-configs builds path ./infrastructure/config, which is not a directory"
                        + " of its source GitRepository flux-system/flux-system (this repository): kustomization path not found");
    }

    @Test
    void aNamespacedObjectWithNoNamespaceAndNoTargetNamespaceCannotBeApplied() throws IOException {
        Files.writeString(root.resolve("infrastructure/configs/quota.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: loose}\ndata: {a: b}\n");
        CheckReport report = check();
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("flux-build-failed"))
                .extracting(f -> f.file() + " " + f.message())
                .containsExactly("infrastructure/configs/quota.yaml ConfigMap/loose has no namespace and Flux Kustomization"
                        + " flux-system/infra-configs sets no targetNamespace: Flux does not default it, so the apply fails (namespace not specified)");
    }

    @Test
    void objectsAHelmReleaseNotRenderedWillCreateAreNotReportedMissingInItsNamespace() throws IOException {
        String monitor = """
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: cert-manager, namespace: cert-manager}
                spec:
                  selector: {matchLabels: {app.kubernetes.io/name: cert-manager}}
                  endpoints: [{port: tcp-prometheus-servicemonitor}]
                """;
        Files.writeString(root.resolve("infrastructure/configs/monitor.yaml"), monitor);
        CheckReport report = check();
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("dangling-service-monitor"))
                .allMatch(f -> f.severity() == Severity.WARNING).isNotEmpty();
        // the same monitor where nothing feeds the namespace: the Service is missing for sure
        Files.writeString(root.resolve("infrastructure/configs/monitor.yaml"), monitor.replace("cert-manager}", "echo}"));
        assertThat(check().findings()).filteredOn(f -> f.rule().equals("dangling-service-monitor"))
                .extracting(Finding::severity).containsExactly(Severity.ERROR);
    }
}
