package dev.strata.render;

import dev.strata.spec.SpecLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered tree of every profile is committed under examples/&lt;profile&gt;/ so a reader can
 * browse each seed's platform as plain YAML. This fails when a render differs from its committed
 * example (what `strata render --check` reports); examples/regenerate.sh brings them up to date.
 */
class ExamplesTest {

    static final Path EXAMPLES = Path.of("..", "examples");

    static List<String> profiles() {
        return RenderFixtures.profiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void theCommittedExampleIsExactlyWhatRenderProduces(String profile) throws IOException {
        Path dir = EXAMPLES.resolve(profile);
        Path spec = dir.resolve("platform.yaml");
        assertThat(spec).as("examples/%s/platform.yaml (run examples/regenerate.sh)", profile).exists();
        assertThat(Files.readString(spec)).as("examples/%s/platform.yaml is the profile as `strata init` writes it", profile)
                .isEqualTo(dev.strata.spec.Profiles.text(profile).orElseThrow());
        RenderedTree tree = Renderer.bundled().render(SpecLoader.bundled().load(spec));
        assertThat(TreeWriter.diff(tree, dir)).as("examples/%s differs from the render; run examples/regenerate.sh", profile).isEmpty();
    }
}
