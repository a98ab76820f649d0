package dev.strata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The bash completion script is valid bash (bash -n reads it without running it). */
class CompletionScriptIT {

    @Test
    void theBashScriptParses(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("strata.bash"), Cli.run("completion").out());
        Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertThat(bash.waitFor()).as(new String(bash.getInputStream().readAllBytes())).isZero();
    }
}
