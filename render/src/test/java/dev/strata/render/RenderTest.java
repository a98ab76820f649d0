package dev.strata.render;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class RenderTest {

    static List<String> profiles() {
        return Profiles.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void renderingTwiceGivesTheSameBytes(String profile) {
        RenderedTree again = Renderer.bundled().render(Profiles.spec(profile));
        assertThat(again.files()).isEqualTo(Profiles.tree(profile).files());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void everyYamlFileParsesWithoutDuplicateKeysAndHoldsNoLatestTagOrSecretData(String profile) {
        Profiles.tree(profile).files().forEach((path, content) -> {
            if (path.endsWith(".yaml")) {
                assertThatCode(() -> Parsed.documents(content)).as(path).doesNotThrowAnyException();
                assertThat(content).as(path).doesNotContainPattern("image: \\S+:latest\\b").doesNotContain("targetRevision: HEAD");
                for (var doc : Parsed.documents(content)) {
                    if ("Secret".equals(doc.get("kind"))) {
                        assertThat(doc).as("Secret in %s", path).doesNotContainKeys("data", "stringData");
                    }
                }
            }
        });
    }
}
