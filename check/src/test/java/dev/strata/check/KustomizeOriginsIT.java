package dev.strata.check;

import dev.strata.check.load.Kustomizer;
import dev.strata.check.load.ProcessKustomizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Findings on objects kustomize built point at the file a person edits — the base that wrote the
 * object, at its line — not at the overlay's kustomization.yaml (kustomize's origin annotations).
 * Kustomize itself runs (kubectl kustomize).
 */
class KustomizeOriginsIT {

    @TempDir
    Path root;

    private final Kustomizer kustomize = new ProcessKustomizer(System.getenv().getOrDefault("PATH", ""));

    private void write(String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void aFindingOnAnOverlaysObjectPointsAtTheBaseFileAndLine() throws IOException {
        assumeTrue(kustomize.build(root) instanceof Kustomizer.Failed, "needs kustomize or kubectl on PATH");
        write("apps/web/base/kustomization.yaml", "resources: [config.yaml, service.yaml]\n");
        write("apps/web/base/config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\ndata: {a: b}\n");
        write("apps/web/base/service.yaml", """
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: web}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  selector: {app: webb}
                  ports: [{port: 80}]
                """);
        write("apps/web/overlays/prod/kustomization.yaml", "resources: [../../base]\nnamespace: prod\nnamePrefix: prod-\n");
        CheckReport report = CheckEngine.builder().kustomizer(kustomize).baseDir(root).rules(List.of("dangling-service")).build()
                .check(List.of(root));
        assertThat(report.findings()).extracting(f -> f.file() + ":" + f.line() + " " + f.object().display())
                .containsExactly("apps/web/base/service.yaml:5 Service/prod/prod-web");
    }

    @Test
    void aKustomizationThatFailsIsReportedInKustomizesWordsForThatDirectory() throws IOException {
        assumeTrue(kustomize.build(root) instanceof Kustomizer.Failed, "needs kustomize or kubectl on PATH");
        write("apps/web/kustomization.yaml", "resources: [missing.yaml]\n");
        CheckReport report = CheckEngine.builder().kustomizer(kustomize).baseDir(root).build().check(List.of(root));
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("render-failed"))
                .extracting(f -> f.file() + ":" + f.line())
                .containsExactly("apps/web/kustomization.yaml:1");
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("render-failed")).extracting(Finding::message)
                .allMatch(m -> m.contains("missing.yaml") && !m.contains("strata-origins"));
    }
}
