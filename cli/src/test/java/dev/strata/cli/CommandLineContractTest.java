package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line contract of DESIGN §1 that scripts and CI rely on: options, outputs, exit codes. */
class CommandLineContractTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Cli r = Cli.run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("init", "profiles", "components", "schema", "plan", "completion")
                .contains("0  ok", "1  the checked thing is wrong", "2  bad input or usage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"init", "profiles", "components", "schema", "plan", "render", "check", "doctor", "up", "status", "verify", "diff", "down", "completion"})
    void everyCommandExplainsItselfWithAnExample(String command) {
        Cli r = Cli.run(command, "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: strata " + command).contains("Example");
    }

    @Test
    void versionNamesTheTool() {
        Cli r = Cli.run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("strata ");
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageErrorWithExit2() {
        Cli typo = Cli.run("plna");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("Unmatched argument at index 0: 'plna'").contains("Did you mean: strata plan");
        Cli r = Cli.run("plan", "--colour");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--colour'");
    }

    @Test
    void initWritesTheSpecAndItsSchemaAndNeverOverwritesWithoutForce() throws Exception {
        Cli first = Cli.run("init", "--profile", "kind-lab", "--dir", dir.toString());
        assertThat(first.exit()).isZero();
        Path spec = dir.resolve("platform.yaml");
        assertThat(Files.readString(spec)).startsWith("# yaml-language-server: $schema=./platform.schema.json\n").contains("profile: kind-lab");
        assertThat(dir.resolve("platform.schema.json")).exists();
        if (spec.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(spec))).isEqualTo("rw-r--r--");
        }

        Files.writeString(spec, "# my edits\n");
        Cli again = Cli.run("init", "--profile", "home", "--dir", dir.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already exists; pass --force");
        assertThat(Files.readString(spec)).isEqualTo("# my edits\n");

        assertThat(Cli.run("init", "--profile", "home", "--dir", dir.toString(), "--force").exit()).isZero();
        assertThat(Files.readString(spec)).contains("profile: home");
    }

    @Test
    void initInsideAnotherGitRepositorySetsGitPathSoThatUpCommitsAndArgoCdReadsThere() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Path lab = dir.resolve("clusters/lab");
        Cli r = Cli.run("init", "--profile", "home", "--dir", lab.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("git.path is set to clusters/lab");
        var spec = dev.strata.spec.SpecLoader.bundled().load(lab.resolve("platform.yaml"));
        assertThat(spec.git().path()).isEqualTo("clusters/lab");

        Cli kindLab = Cli.run("init", "--profile", "kind-lab", "--dir", dir.resolve("other").toString());
        assertThat(kindLab.exit()).isZero();
        var other = dev.strata.spec.SpecLoader.bundled().load(dir.resolve("other/platform.yaml"));
        assertThat(other.git().path()).isEqualTo("other");
        assertThat(other.git().branch()).isEqualTo("main"); // the profile's git block kept, path added to it
    }

    @Test
    void aSpecThatDoesNotPlanSaysWhereInTheFileLikeEveryOtherProblem() throws Exception {
        Path spec = Files.writeString(dir.resolve("platform.yaml"), """
                apiVersion: strata.dev/v1alpha1
                kind: Platform
                metadata: {name: lab}
                spec:
                  profile: kind-lab
                  components:
                    tempo: {enabled: false}
                """);
        Cli r = Cli.run("plan", "-f", spec.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(spec + ":6: spec.components.alloy: needs tempo, which is not enabled; "
                + "enable it (components.tempo: {}) or disable alloy\n1 problem; nothing was changed.\n");
    }

    @Test
    void initRefusesAnUnknownProfileAndWritesNothing() {
        Cli r = Cli.run("init", "--profile", "kind-labs", "--dir", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("\"kind-labs\" is not a profile; known: kind-lab, kind-full, talos-ambient, cell, home");
        assertThat(dir.resolve("platform.yaml")).doesNotExist();
    }

    @Test
    void planReadsTheSpecGivenWithDashFAndPrintsTextOrJson() throws Exception {
        Cli.run("init", "--profile", "kind-lab", "--dir", dir.toString());
        Path spec = dir.resolve("platform.yaml");
        Cli text = Cli.run("plan", "-f", spec.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("Sync waves", "Capacity", "pods fit.");

        Cli json = Cli.run("plan", "-f", spec.toString(), "-o", "json");
        assertThat(json.exit()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.path("platform").path("name").asText()).isEqualTo("kind-lab");
        assertThat(root.path("capacity").path("fits").asBoolean()).isTrue();
        assertThat(root.path("waves").get(0).path("name").asText()).isEqualTo("namespaces");
        assertThat(root.path("capacity").path("nodes")).hasSize(2);
    }

    @Test
    void planWritesAnSvgChart() throws Exception {
        Cli.run("init", "--profile", "home", "--dir", dir.toString());
        Path svg = dir.resolve("capacity.svg");
        Cli r = Cli.run("plan", "-f", dir.resolve("platform.yaml").toString(), "--svg", svg.toString());
        assertThat(r.exit()).isZero();
        String chart = Files.readString(svg);
        assertThat(chart).startsWith("<svg").contains("platform", "apps-1", "kube-prometheus-stack").endsWith("</svg>\n");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    }

    @Test
    void aSpecThatDoesNotFitExitsOneWithTheSchedulerReason() throws Exception {
        Path spec = Cli.tooSmallKindLab(dir);
        Cli r = Cli.run("plan", "-f", spec.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("pods do not fit:").containsPattern("pod \\S+ \\(\\S+\\): 0/2 nodes available: ");
    }

    @Test
    void aBrokenSpecIsBadInputWithEveryProblemAndNoStackTrace() throws Exception {
        Path spec = dir.resolve("platform.yaml");
        Files.writeString(spec, """
                apiVersion: strata.dev/v1alpha1
                kind: Platform
                metadata: {name: lab}
                spec:
                  profile: kind-lab
                  cluster:
                    nodes:
                      - {name: control-plane, role: control-plane, capacity: {cpu: "2", memory: 4Gb}}
                  components: {lokki: {}}
                """);
        Cli r = Cli.run("plan", "-f", spec.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(spec + ":8: spec.cluster.nodes[0].capacity.memory: \"4Gb\" is not a quantity")
                .contains(spec + ":9: spec.components.lokki: \"lokki\" is not a component; did you mean loki?")
                .contains("2 problems; nothing was changed.")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void aMissingSpecFileSaysHowToMakeOne() {
        Cli r = Cli.run("plan", "-f", dir.resolve("nope.yaml").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no such file; create one with `strata init --profile kind-lab`");
    }

    @Test
    void conflictingComponentsAreBadInput() throws Exception {
        Path spec = dir.resolve("platform.yaml");
        Files.writeString(spec, """
                apiVersion: strata.dev/v1alpha1
                kind: Platform
                metadata: {name: lab}
                spec:
                  profile: kind-lab
                  components: {linkerd: {}}
                """);
        Cli r = Cli.run("plan", "-f", spec.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("istio").contains("linkerd").contains("disable one of them");
    }

    @Test
    void profilesAndComponentsListAsTextAndJson() throws Exception {
        Cli profiles = Cli.run("profiles");
        assertThat(profiles.out().lines()).hasSize(5).anySatisfy(l -> assertThat(l).startsWith("kind-lab "));
        JsonNode json = new ObjectMapper().readTree(Cli.run("profiles", "-o", "json").out());
        assertThat(json).hasSize(5);
        JsonNode comps = new ObjectMapper().readTree(Cli.run("components", "-o", "json").out());
        assertThat(comps.findValuesAsText("id")).contains("cilium", "istio", "argo-cd", "kyverno");
    }

    @Test
    void schemaPrintsJsonSchemaAndCompletionPrintsAScript() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(Cli.run("schema").out());
        assertThat(schema.path("properties").has("spec")).isTrue();
        String completion = Cli.run("completion").out();
        assertThat(completion).contains("complete -F").contains("strata");
        // the root's word list: every command but the hidden warm-up, as whole words
        java.util.regex.Matcher root = java.util.regex.Pattern.compile("local commands=\"([^\"]+)\"").matcher(completion);
        assertThat(root.find()).isTrue();
        List<String> offered = List.of(root.group(1).split(" "));
        assertThat(offered).containsExactlyInAnyOrderElementsOf(
                Strata.COMMANDS.keySet().stream().filter(c -> !c.equals("internal-warmup")).toList());
    }

    @Test
    void completionForZshAndFishCoversTheSameCommandsAndAnUnknownShellIsAUserMistake() throws Exception {
        String zsh = Cli.run("completion", "zsh").out();
        assertThat(zsh).startsWith("#compdef strata\n").contains("bashcompinit").contains("complete -F");
        String fish = Cli.run("completion", "fish").out();
        for (String command : Strata.COMMANDS.keySet()) {
            if (!command.equals("internal-warmup")) {
                assertThat(fish).contains("complete -c strata -n '__fish_use_subcommand' -a " + command + " -d '");
            }
        }
        assertThat(fish).contains("complete -c strata -n '__fish_seen_subcommand_from plan' -s f -l file -r -F -d 'The platform spec")
                .contains("complete -c strata -n '__fish_seen_subcommand_from charts' -a pull")
                .contains("-l profile -r -a 'kind-lab kind-full talos-ambient cell home'")
                .doesNotContain("internal-warmup");
        Cli wrong = Cli.run("completion", "powershell");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("use bash, zsh or fish");
    }

    @Test
    void userMistakesExitTwoWithAMessageNeverAnInternalError() throws Exception {
        Cli severity = Cli.run("check", "--severity", "info", dir.toString());
        assertThat(severity.exit()).isEqualTo(2);
        assertThat(severity.err()).contains("--severity info").contains("known: warning, error");

        Cli.run("init", "--profile", "kind-lab", "--dir", dir.resolve("lab").toString());
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Cli render = Cli.run("render", "-f", dir.resolve("lab/platform.yaml").toString(), "--out", file.toString());
        assertThat(render.exit()).isEqualTo(2);
        assertThat(render.err()).contains("is a file; give the directory");

        Cli image = Cli.run("up", "-f", dir.resolve("lab/platform.yaml").toString(), "--image-archive", dir.resolve("none.tar").toString());
        assertThat(image.exit()).isEqualTo(2);
        assertThat(image.err()).contains("--image-archive").contains("no such file");
    }

    @Test
    void everyCommandsSummaryInTheListIsAWholeSentence() {
        Strata.commandLine().getSubcommands().forEach((name, cl) -> {
            var usage = cl.getCommandSpec().usageMessage();
            String summary = usage.header().length > 0 ? usage.header()[0] : usage.description()[0];
            assertThat(summary).as(name).matches("[A-Z].*\\.");
        });
        assertThat(Cli.run("--help").out()).contains("Start with: strata init --profile kind-lab --dir ~/strata-lab");
    }

    @Test
    void helpOnACommandPrintsThatCommandsUsage() {
        Cli r = Cli.run("help", "check");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: strata check").contains("--list-rules");
    }

    @Test
    void everySubcommandIsRegisteredUnderItsOwnName() {
        // A run builds only the subcommand it invokes, looked up by name in Strata.COMMANDS.
        Strata.COMMANDS.forEach((name, type) -> {
            picocli.CommandLine.Command c = type.getAnnotation(picocli.CommandLine.Command.class);
            assertThat(c).as(type.getSimpleName()).isNotNull();
            assertThat(c.name()).isEqualTo(name);
        });
        assertThat(Strata.commandLine().getSubcommands().keySet()).containsAll(Strata.COMMANDS.keySet());
        assertThat(Strata.commandLine("check", "x").getSubcommands().keySet()).containsExactly("check");
        assertThat(Strata.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(Strata.commandLine("--version", "check").getSubcommands().keySet()).containsAll(Strata.COMMANDS.keySet());
    }
}
