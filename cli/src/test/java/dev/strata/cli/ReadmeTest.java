package dev.strata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README is the tested path: its main job runs as written (up to doctor on a machine without
 * Docker, writing nothing into the checkout), its spec example plans, every command and flag it
 * shows exists, and e2e/run.sh runs the same commands.
 */
class ReadmeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String README = read(ROOT.resolve("README.md"));

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The main job's command line, from the table of the two commands. */
    static String mainJob() {
        Matcher m = Pattern.compile("\\| main job[^|]*\\| `([^`]+)` \\|").matcher(README);
        assertThat(m.find()).as("the README's main job row").isTrue();
        return m.group(1);
    }

    private static List<String> topLevel() throws IOException {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theMainJobAsWrittenReachesDoctorAndStopsThereWithoutDockerWritingNothingIntoTheCheckout(@TempDir Path home) throws IOException {
        String job = mainJob();
        assertThat(job).startsWith("./strata init ").contains(" && ./strata up");
        List<String> before = topLevel();
        boolean docker = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "docker")));

        List<Cli> results = new ArrayList<>();
        for (String command : job.split(" && ")) {
            List<String> args = new ArrayList<>(Arrays.asList(command.replace("~", home.toString()).split(" ")));
            assertThat(args.removeFirst()).isEqualTo("./strata");
            if (docker && args.getFirst().equals("up")) {
                args.add("--tool=docker=" + home.resolve("no-docker-in-tests")); // never a real cluster from a test
            }
            results.add(Cli.run(args.toArray(String[]::new)));
        }

        Cli init = results.get(0);
        Cli up = results.get(1);
        assertThat(init.exit()).as(init.err()).isZero();
        Path lab = home.resolve("strata-lab");
        assertThat(lab.resolve("platform.yaml")).exists();
        assertThat(up.exit()).as(up.out() + up.err()).isEqualTo(1);
        assertThat(up.out()).contains("Checking this machine (doctor)");
        assertThat(up.err()).contains("doctor found").contains("docker-missing").contains("install Docker");
        assertThat(lab.resolve("argocd")).as("nothing rendered before doctor passes").doesNotExist();
        assertThat(topLevel()).as("the checkout's top level").isEqualTo(before);
        assertThat(ROOT.resolve("platform.yaml")).doesNotExist();
    }

    @Test
    void initAndUpRefuseTheStrataCheckoutAndSayWhereALabGoes() {
        Cli init = Cli.run("init", "--profile", "kind-lab", "--dir", ROOT.resolve("lab").toString());
        assertThat(init.exit()).isEqualTo(2);
        assertThat(init.err()).contains("is in the Strata checkout").contains("--dir ~/strata-lab");
        assertThat(ROOT.resolve("lab")).doesNotExist();

        Cli up = Cli.run("up", "-f", ROOT.resolve("examples/kind-lab/platform.yaml").toString());
        assertThat(up.exit()).isEqualTo(2);
        assertThat(up.err()).contains("is in the Strata checkout").contains("strata up -f ~/strata-lab/platform.yaml");
    }

    @Test
    void theSpecExampleLoadsAndPlans(@TempDir Path dir) throws IOException {
        Matcher m = Pattern.compile("## The spec \\(`platform.yaml`\\)\\s+```yaml\\n(.*?)```", Pattern.DOTALL).matcher(README);
        assertThat(m.find()).as("the README's spec example").isTrue();
        Path spec = Files.writeString(dir.resolve("platform.yaml"), m.group(1));
        Cli plan = Cli.run("plan", "-f", spec.toString());
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("Platform lab (profile kind-lab)").contains("pods fit.");
    }

    /** Every {@code strata <command> [--flag ...]} of the command table: the command exists and lists each flag in its help. */
    @Test
    void everyCommandAndFlagTheReadmeShowsExists() {
        Matcher rows = Pattern.compile("(?m)^\\| `strata ([a-z]+(?: pull)?)([^`]*)` \\|[^\\n]*\\| `(\\./strata [^`]*)` \\|$").matcher(README);
        int commands = 0;
        while (rows.find()) {
            commands++;
            String command = rows.group(1);
            String help = Cli.run((command + " --help").split(" ")).out();
            assertThat(help).as(command + " --help").contains("Usage: strata " + command);
            Matcher flags = Pattern.compile("(--[a-z][a-z-]*)").matcher(rows.group(2) + " " + rows.group(3));
            while (flags.find()) {
                assertThat(help).as("strata " + command + " --help lists " + flags.group(1)).contains(flags.group(1));
            }
        }
        assertThat(commands).as("rows of the command table").isGreaterThanOrEqualTo(10);
    }

    @Test
    void e2eRunsTheReadmesCommandsWithItsOwnProfileAndDirectory() {
        String script = read(ROOT.resolve("e2e/run.sh"));
        for (String command : mainJob().split(" && ")) {
            String asRun = command.replace("kind-lab", "\"$PROFILE\"").replace("~/strata-lab", "\"$WORK\"");
            assertThat(script).contains("phase " + asRun.split(" ")[1] + " " + asRun);
        }
    }
}
