package dev.strata.check.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.check.CheckEngine;
import dev.strata.check.CheckReport;
import dev.strata.check.Finding;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the real kustomize or kubectl binary when one is on PATH. */
class ProcessKustomizerIT {

    private static Path tree() throws URISyntaxException {
        return Path.of(ProcessKustomizerIT.class.getResource("/trees/kustomize").toURI());
    }

    @Test
    void buildsTheOverlayAndChecksItsObjects() throws URISyntaxException {
        ProcessKustomizer kustomizer = ProcessKustomizer.fromEnvironment();
        Kustomizer.Result result = kustomizer.build(tree().resolve("overlays/dev"));
        assumeTrue(!(result instanceof Kustomizer.Unavailable), "no kustomize or kubectl on PATH");
        assertThat(result).isInstanceOfSatisfying(Kustomizer.Built.class,
                b -> assertThat(b.yaml()).contains("namespace: dev").contains("name: settings"));

        CheckReport report = CheckEngine.builder().baseDir(tree()).rules(List.of("missing-configmap"))
                .kustomizer(kustomizer).build().check(List.of(tree()));
        // the typo is in the base: the finding points there (kustomize's origin annotations), not at the overlay
        assertThat(report.findings()).extracting(Finding::file, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("base/deployment.yaml", "configmap setings does not exist"));
    }

    @Test
    void withoutToolsTheDirectoryIsReportedSkipped() throws URISyntaxException {
        Kustomizer.Result result = new ProcessKustomizer("/nonexistent").build(tree().resolve("overlays/dev"));
        assertThat(result).isEqualTo(new Kustomizer.Unavailable("neither kustomize nor kubectl is on PATH"));
    }

    @Test
    void failedBuildCarriesTheToolsError() throws URISyntaxException {
        Kustomizer.Result result = ProcessKustomizer.fromEnvironment().build(tree().resolve("../helm"));
        assumeTrue(!(result instanceof Kustomizer.Unavailable), "no kustomize or kubectl on PATH");
        assertThat(result).isInstanceOfSatisfying(Kustomizer.Failed.class,
                f -> assertThat(f.message()).contains("kustomize"));
    }
}
