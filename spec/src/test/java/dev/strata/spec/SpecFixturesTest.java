package dev.strata.spec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validSpecsLoad(Path file) throws IOException {
        PlatformSpec spec = LOADER.parse(file.getFileName().toString(), Files.readString(file));
        assertThat(spec.cluster().nodes()).isNotEmpty();
        assertThat(spec.environments()).isNotEmpty();
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
    void thereAreAtLeastTwentyFiveInvalidCases() throws IOException {
        assertThat(invalid().count()).isGreaterThanOrEqualTo(25);
    }

    @org.junit.jupiter.api.Test
    void aMissingFileIsAProblemNotAStackTrace() {
        assertThatThrownBy(() -> LOADER.load(Path.of("does/not/exist.yaml")))
                .isInstanceOf(SpecException.class)
                .hasMessage("does/not/exist.yaml: no such file; create one with `strata init --profile kind-lab` or pass -f FILE");
    }
}
