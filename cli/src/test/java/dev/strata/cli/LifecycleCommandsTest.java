package dev.strata.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live commands through the real CLI and the real process runner, on a machine without a
 * Docker engine: docker is pointed at a binary that does not exist.
 */
class LifecycleCommandsTest {

    @TempDir
    Path dir;
    String spec;
    String noDocker;

    @BeforeEach
    void init() {
        assertThat(Cli.run("init", "--profile", "kind-lab", "--dir", dir.toString()).exit()).isZero();
        spec = dir.resolve("platform.yaml").toString();
        noDocker = "docker=" + dir.resolve("no-such-dir/docker");
    }

    @Test
    void upWithoutDockerStopsAtDoctorWithTheFixAndTouchesNothing() {
        Cli r = Cli.run("up", "-f", spec, "--tool", noDocker);

        assertThat(r.exit()).isEqualTo(Strata.WRONG);
        assertThat(r.out()).contains(" • Checking this machine (doctor) ...").contains(" ✗ Checking this machine (doctor): doctor found");
        assertThat(r.err()).contains("strata up: doctor found").contains("would make up fail; nothing was changed")
                .contains("docker-missing: docker: not found (looked in " + dir.resolve("no-such-dir/docker") + "); fix: install Docker")
                .contains("Fix that and run strata up again");
        assertThat(r.out()).doesNotContain("Rendering");
        assertThat(dir.resolve("bootstrap")).doesNotExist();
        assertThat(dir.resolve(".git")).doesNotExist();
    }

    @Test
    void doctorListsEveryFindingAndExitsOneWhenUpWouldFail() {
        Cli r = Cli.run("doctor", "-f", spec, "--tool", noDocker);
        assertThat(r.exit()).isEqualTo(Strata.WRONG);
        assertThat(r.out()).contains("FAIL docker-missing: docker: not found").contains("     fix: install Docker Engine")
                .contains("would make strata up fail; nothing was changed.");
    }

    @Test
    void doctorSpeaksJsonForMachines() throws Exception {
        Cli r = Cli.run("doctor", "-f", spec, "--tool", noDocker, "-o", "json");
        assertThat(r.exit()).isEqualTo(Strata.WRONG);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(json.path("ready").asBoolean()).isFalse();
        assertThat(json.path("findings").get(0).path("id").asText()).isEqualTo("docker-missing");
        assertThat(json.path("findings").get(0).path("level").asText()).isEqualTo("error");
        assertThat(json.path("findings").get(0).path("fix").asText()).startsWith("install Docker");
    }

    @Test
    void withNoClusterStatusVerifyAndDiffSayItInSecondsAndDownSaysWhatItCouldNotTell() {
        System.setProperty("kubeconfig", dir.resolve("no-kubeconfig").toString());
        try {
            for (String command : new String[] {"status", "verify", "diff"}) {
                long start = System.nanoTime();
                Cli r = Cli.run(command, "-f", spec, "-o", "json");
                assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).as(command).isLessThan(java.time.Duration.ofSeconds(5));
                assertThat(r.exit()).as(command).isEqualTo(Strata.WRONG);
                assertThat(r.err()).as(command).startsWith("strata " + command + ": no cluster answers at context kind-kind-lab: no kubeconfig");
            }
        } finally {
            System.clearProperty("kubeconfig");
        }
        Cli down = Cli.run("down", "-f", spec, "--yes", "--tool", noDocker, "--tool", "kind=" + dir.resolve("no-such-dir/kind"));
        assertThat(down.exit()).isEqualTo(Strata.WRONG);
        assertThat(down.err()).contains("cannot tell whether the kind cluster kind-lab exists").contains("nothing was changed");
    }

    @Test
    void downWithoutATerminalAndWithoutYesDeletesNothing() {
        Cli r = Cli.run("down", "-f", spec, "--tool", noDocker);
        assertThat(r.exit()).isEqualTo(Strata.WRONG);
        assertThat(r.out()).contains("strata down will:\n  - delete the kind cluster kind-lab");
        assertThat(r.err()).contains("not confirmed: nothing was deleted").contains("--yes");
    }

    @Test
    void badOptionsAreBadInput() {
        assertThat(Cli.run("verify", "-f", spec, "-o", "xml").exit()).isEqualTo(Strata.BAD_INPUT);
        Cli r = Cli.run("up", "-f", spec, "--timeout", "soon", "--tool", noDocker);
        assertThat(r.exit()).isEqualTo(Strata.BAD_INPUT);
        assertThat(r.err()).contains("--timeout soon: not a duration; write e.g. 90s, 20m or 1h");
    }

    @Test
    void theLiveCommandsAreListedInHelp() {
        assertThat(Cli.run("--help").out()).contains("doctor").contains("up").contains("status").contains("verify").contains("diff").contains("down");
    }
}
