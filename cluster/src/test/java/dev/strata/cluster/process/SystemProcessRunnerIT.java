package dev.strata.cluster.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts real processes (/bin/sh), so an IT. */
class SystemProcessRunnerIT {

    @Test
    void runsAToolAndCapturesItsOutputAndExitCode() {
        SystemProcessRunner r = new SystemProcessRunner(Map.of("sh", Path.of("/bin/sh")), List.of());
        ProcessResult res = r.run(List.of("sh", "-c", "echo kind v0.33.0; echo oops >&2; exit 3"), Duration.ofSeconds(20));
        assertThat(res.exitCode()).isEqualTo(3);
        assertThat(res.stdout()).isEqualTo("kind v0.33.0\n");
        assertThat(res.lastError()).isEqualTo("oops");
    }

    @Test
    void aMissingToolIsExit127SayingWhereItWasLookedFor(@TempDir Path cache) {
        SystemProcessRunner r = new SystemProcessRunner(Map.of("docker", cache.resolve("nowhere/docker")), List.of(cache));
        assertThat(r.run(List.of("docker", "version"), Duration.ofSeconds(5)))
                .satisfies(res -> {
                    assertThat(res.exitCode()).isEqualTo(ProcessResult.NOT_FOUND);
                    assertThat(res.lastError()).isEqualTo("docker: not found (looked in " + cache.resolve("nowhere/docker") + ")");
                });
        assertThat(r.run(List.of("kind", "version"), Duration.ofSeconds(5)).lastError()).isEqualTo("kind: not found (looked in PATH and " + cache + ")");
    }

    @Test
    void theToolCacheComesBeforePath(@TempDir Path cache) throws Exception {
        Path kind = java.nio.file.Files.writeString(cache.resolve("kind"), "#!/bin/sh\necho cached kind\n");
        kind.toFile().setExecutable(true);
        SystemProcessRunner r = new SystemProcessRunner(Map.of(), List.of(cache, Path.of("/usr/bin")));
        assertThat(r.locate("kind")).contains(kind);
        assertThat(r.run(List.of("kind"), Duration.ofSeconds(20)).stdout()).isEqualTo("cached kind\n");
    }
}
