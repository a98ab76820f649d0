package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** `strata check` on Strata's own renders (clean) and on deliberately broken copies of them (the rules fire). */
class CheckCommandIT {

    static final Path EXAMPLES = Path.of("..", "examples");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kind-lab", "kind-full", "talos-ambient", "cell", "home"})
    void everyRenderedProfileChecksWithoutErrors(String profile) throws Exception {
        Cli r = Cli.run("check", EXAMPLES.resolve(profile).toString(), "-o", "json");
        JsonNode report = JSON.readTree(r.out());
        List<String> errors = report.path("findings").findValues("severity").stream().map(JsonNode::asText).filter("error"::equals).toList();
        assertThat(errors).as("errors in examples/%s: %s", profile, r.out()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(report.path("summary").path("objects").asInt()).isGreaterThan(50);
    }

    @Test
    void allFiveTreesCheckedAtOnceAreFiveRootsNotOneGraphOfDuplicates() throws Exception {
        Cli r = Cli.run("check", EXAMPLES.toString(), "-o", "json");
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.path("findings").findValues("rule").stream().map(JsonNode::asText)).doesNotContain("duplicate-object");
        assertThat(r.exit()).as(r.out()).isZero();
        int separately = 0;
        for (String p : List.of("kind-lab", "kind-full", "talos-ambient", "cell", "home")) {
            separately += JSON.readTree(Cli.run("check", EXAMPLES.resolve(p).toString(), "-o", "json").out()).path("summary").path("objects").asInt();
        }
        assertThat(report.path("summary").path("objects").asInt()).isEqualTo(separately);
    }

    @Test
    void theJsonOutputFollowsTheContract() throws Exception {
        Path tree = copy("kind-lab");
        Path service = tree.resolve("apps/sample-api/base/service.yaml");
        Files.writeString(service, Files.readString(service).replace("app.kubernetes.io/name: sample-api\n  ports", "app.kubernetes.io/name: sample-apy\n  ports"));
        Cli r = Cli.run("check", tree.toString(), "-o", "json");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode root = JSON.readTree(r.out());
        // the charts of the platform's Applications are rendered by --deep: without it, each is said not rendered
        assertThat(root.fieldNames()).toIterable().containsExactly("findings", "notRendered", "summary");
        assertThat(root.path("notRendered").get(0).fieldNames()).toIterable().containsExactly("what", "reason");
        assertThat(root.path("notRendered").findValuesAsText("what")).contains("Application argocd/argocd", "Application argocd/cilium");
        assertThat(root.path("notRendered").findValuesAsText("reason")).allMatch(reason -> reason.contains("not rendered"));
        JsonNode f = root.path("findings").get(0);
        assertThat(f.fieldNames()).toIterable().containsExactly("rule", "severity", "category", "object", "file", "line", "message", "remediation");
        assertThat(f.path("object").fieldNames()).toIterable().containsExactly("apiVersion", "kind", "namespace", "name");
        assertThat(root.path("summary").fieldNames()).toIterable().containsExactly("objects", "files", "errors", "warnings", "skipped");
    }

    @Test
    void aServiceWhoseSelectorMatchesNothingIsFound() throws Exception {
        Path tree = copy("kind-lab");
        Path service = tree.resolve("apps/sample-api/base/service.yaml");
        String text = Files.readString(service);
        assertThat(text).contains("app.kubernetes.io/name: sample-api");
        Files.writeString(service, text.replaceFirst("(?s)(selector:\\s*\\n\\s*app.kubernetes.io/name: )sample-api", "$1sample-apy"));
        assertThat(rulesFound(tree)).contains("dangling-service");
    }

    @Test
    void aLatestTagAndAnUnpinnedApplicationAreFound() throws Exception {
        Path tree = copy("home");
        Path rollout = tree.resolve("apps/sample-api/base/rollout.yaml");
        Files.writeString(rollout, Files.readString(rollout).replace("image: strata.local/sample-api:0.1.0", "image: strata.local/sample-api:latest"));
        Path app = tree.resolve("argocd/platform/application-loki.yaml");
        Files.writeString(app, Files.readString(app).replaceFirst("targetRevision: [0-9.]+", "targetRevision: HEAD"));
        assertThat(rulesFound(tree)).contains("image-latest-tag").anySatisfy(r -> assertThat(r).contains("unpinned"));
    }

    @Test
    void removingTheDnsEgressPolicyIsFound() throws Exception {
        Path tree = copy("talos-ambient");
        Path dns = tree.resolve("apps/sample-api/base/networkpolicy-allow-dns.yaml");
        Files.delete(dns);
        Path k = tree.resolve("apps/sample-api/base/kustomization.yaml");
        Files.writeString(k, Files.readString(k).replace("  - networkpolicy-allow-dns.yaml\n", ""));
        assertThat(rulesFound(tree)).anySatisfy(r -> assertThat(r).contains("dns"));
    }

    @Test
    void anAppPinnedToATierNoNodeHasIsFoundFromThePlatformSpec() throws Exception {
        Path tree = copy("home");
        Path deploy = tree.resolve("apps/sample-api/base/rollout.yaml");
        Files.writeString(deploy, Files.readString(deploy).replace("strata.dev/tier: apps", "strata.dev/tier: gpu"));
        assertThat(rulesFound(tree)).anySatisfy(r -> assertThat(r).contains("node-selector"));
    }

    @Test
    void listRulesPrintsEveryRegisteredRuleWithItsMetadata() throws Exception {
        List<dev.strata.check.RuleInfo> registered = dev.strata.check.RuleRegistry.standard().infos();
        JsonNode rules = JSON.readTree(Cli.run("check", "--list-rules", "-o", "json").out());
        assertThat(rules.findValues("id")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(registered.stream().map(dev.strata.check.RuleInfo::id).toList());
        JsonNode first = rules.get(0);
        assertThat(first.path("severity").asText()).isEqualTo(registered.getFirst().severity().label());
        assertThat(first.path("remediation").asText()).isEqualTo(registered.getFirst().remediation());
        List<String> lines = Cli.run("check", "--list-rules").out().lines().toList();
        assertThat(lines).hasSameSizeAs(registered);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("dangling-service ").contains("references").contains("error"));
    }

    @Test
    void usageMistakesAndUnreadableInputExitTwo() {
        Cli unknownRule = Cli.run("check", "--rule", "no-such-rule", ".");
        assertThat(unknownRule.exit()).isEqualTo(2);
        assertThat(unknownRule.err()).contains("no-such-rule");
        assertThat(Cli.run("check", dir.resolve("missing").toString()).exit()).isEqualTo(2);
        assertThat(Cli.run("check", "-o", "xml", ".").exit()).isEqualTo(2);
    }

    @Test
    void sarifAndJunitAreWellFormed() throws Exception {
        Path tree = copy("cell");
        JsonNode sarif = JSON.readTree(Cli.run("check", tree.toString(), "-o", "sarif").out());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        String junit = Cli.run("check", tree.toString(), "-o", "junit").out();
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(junit.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private List<String> rulesFound(Path tree) throws IOException {
        Cli r = Cli.run("check", tree.toString(), "-o", "json");
        return JSON.readTree(r.out()).path("findings").findValues("rule").stream().map(JsonNode::asText).distinct().toList();
    }

    private Path copy(String profile) throws IOException {
        Path src = EXAMPLES.resolve(profile);
        Path target = dir.resolve(profile);
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = target.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
