package dev.strata.spec;

import dev.strata.catalog.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every file under {@code fixtures/valid} loads; every file under {@code fixtures/invalid} fails
 * with exactly the problems its {@code # expect:} lines state, in order — the text a user reads.
 */
class SpecFixturesTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    static final SpecLoader LOADER = SpecLoader.bundled();

    static Stream<Path> valid() throws IOException {
        return list("valid");
    }

    static Stream<Path> invalid() throws IOException {
        return list("invalid");
    }

    private static Stream<Path> list(String dir) throws IOException {
        return Files.list(FIXTURES.resolve(dir)).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    /** What each valid fixture must load as: the fields it sets, and the profile's where it sets none. */
    static final Map<String, Consumer<PlatformSpec>> LOADED_AS = Map.of(
            "anchors-and-merge-keys.yaml", spec -> {
                assertThat(spec.cluster().nodes()).extracting(NodeGroup::name, NodeGroup::role, NodeGroup::count, NodeGroup::capacity)
                        .as("a merge key (<<) copies the anchored group; the keys written beside it win")
                        .containsExactly(tuple("cp", NodeRole.CONTROL_PLANE, 1, Resources.of("4", "8Gi")),
                                tuple("workers", NodeRole.WORKER, 2, Resources.of("4", "8Gi")));
            },
            "full-no-profile.yaml", spec -> {
                assertThat(spec.profile()).isEmpty();
                assertThat(spec.cluster().provider()).isEqualTo(Provider.EXISTING);
                assertThat(spec.cluster().tierLabel()).isEqualTo("example.com/tier");
                assertThat(spec.cluster().tiers()).containsExactly("platform", "apps", "gpu");
                assertThat(spec.cluster().nodes()).extracting(NodeGroup::name, NodeGroup::count).containsExactly(tuple("cp", 3), tuple("infra", 2));
                NodeGroup infra = spec.cluster().nodes().get(1);
                assertThat(infra.capacity()).isEqualTo(Resources.of("3.5", "7680Mi"));
                assertThat(infra.labels()).containsEntry("disk", "ssd");
                assertThat(infra.taints()).containsExactly(new Taint("example.com/tier", "platform", "NoSchedule"));
                assertThat(spec.cluster().reserved()).isEqualTo(Resources.of("200m", "512Mi"));
                assertThat(spec.git()).isEqualTo(new GitSpec("https://git.example.com/platform.git", "release", "clusters/lab"));
                assertThat(spec.components()).containsOnlyKeys("cilium", "argo-cd");
                assertThat(spec.components().get("argo-cd").values()).isEqualTo(Map.of("configs", Map.of("params", Map.of("server.insecure", true))));
                assertThat(spec.environments()).containsExactly("staging");
                AppSpec orders = spec.apps().getFirst();
                assertThat(orders.port()).isEqualTo(9000);
                assertThat(orders.requests()).isEqualTo(Resources.of("100m", "256Mi"));
                assertThat(orders.environments()).containsExactly(new AppEnvironment("staging", 2, 4));
            },
            "minimal-profile.yaml", spec -> {
                assertThat(spec.name()).isEqualTo("lab");
                assertThat(spec.cluster().name()).as("the cluster is named after metadata.name").isEqualTo("lab");
                assertThat(spec).as("everything else is the profile's").usingRecursiveComparison().ignoringFields("name", "cluster.name")
                        .isEqualTo(LOADER.profile("kind-lab"));
            },
            "override-mode.yaml", spec -> {
                PlatformSpec kindLab = LOADER.profile("kind-lab");
                assertThat(spec.components().get("istio").mode()).contains("ambient");
                assertThat(spec.components().get("tempo").enabled()).isFalse();
                assertThat(spec.environments()).containsExactly("dev");
                assertThat(spec.apps()).singleElement().satisfies(app ->
                        assertThat(app.environments()).extracting(AppEnvironment::name, AppEnvironment::replicas).containsExactly(tuple("dev", 2)));
                assertThat(spec.cluster()).as("what it does not override comes from the profile").usingRecursiveComparison()
                        .ignoringFields("name").isEqualTo(kindLab.cluster());
                assertThat(spec.components().get("cilium")).isEqualTo(kindLab.components().get("cilium"));
            });

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validSpecsLoadAsWritten(Path file) throws IOException {
        String name = file.getFileName().toString();
        assertThat(LOADED_AS).as("expectations for valid/%s", name).containsKey(name);
        LOADED_AS.get(name).accept(LOADER.parse(name, Files.readString(file)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidSpecsReportEveryProblemWithFileAndLine(Path file) throws IOException {
        String text = Files.readString(file);
        List<String> expected = text.lines().filter(l -> l.startsWith("# expect: ")).map(l -> l.substring("# expect: ".length())).toList();
        assertThat(expected).as("fixture %s states its expected problems", file).isNotEmpty();
        SpecException e = catchThrowableOfType(SpecException.class, () -> LOADER.parse(file.getFileName().toString(), text));
        assertThat(e).as("%s must be rejected", file).isNotNull();
        assertThat(e.problems()).extracting(Problem::toString).containsExactlyElementsOf(expected);
    }

    @org.junit.jupiter.api.Test
    void everySectionOfTheSpecHasARejectedCase() throws IOException {
        List<String> paths = invalid().flatMap(f -> {
            try {
                return Files.readAllLines(f).stream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).filter(l -> l.startsWith("# expect: ")).toList();
        for (String section : List.of("apiVersion", "kind", "metadata", "spec.profile", "spec.cluster", "spec.git", "spec.components",
                "spec.environments", "spec.apps")) {
            assertThat(paths).as("an invalid/ fixture rejected at %s", section).anyMatch(l -> l.contains(": " + section));
        }
    }

    @org.junit.jupiter.api.Test
    void aMissingFileIsAProblemNotAStackTrace() {
        assertThatThrownBy(() -> LOADER.load(Path.of("does/not/exist.yaml")))
                .isInstanceOf(SpecException.class)
                .hasMessage("does/not/exist.yaml: no such file; create one with `strata init --profile kind-lab` or pass -f FILE");
    }
}
