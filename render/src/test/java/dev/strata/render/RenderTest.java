package dev.strata.render;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class RenderTest {

    /** Every value of an "image" key in a container-like map (one with a name). */
    static java.util.List<String> images(Object node) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (node instanceof java.util.Map<?, ?> m) {
            if (m.get("image") instanceof String s && m.containsKey("name")) {
                out.add(s);
            }
            m.values().forEach(v -> out.addAll(images(v)));
        } else if (node instanceof java.util.List<?> l) {
            l.forEach(v -> out.addAll(images(v)));
        }
        return out;
    }

    static List<String> profiles() {
        return RenderFixtures.profiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void renderingTwiceGivesTheSameBytes(String profile) {
        RenderedTree again = Renderer.bundled().render(RenderFixtures.spec(profile));
        assertThat(again.files()).isEqualTo(RenderFixtures.tree(profile).files());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void everyYamlFileParsesWithoutDuplicateKeysAndHoldsNoLatestTagOrSecretData(String profile) {
        RenderFixtures.tree(profile).files().forEach((path, content) -> {
            if (path.endsWith(".yaml")) {
                assertThatCode(() -> RenderFixtures.documents(content)).as(path).doesNotThrowAnyException();
                assertThat(content).as(path).doesNotContain("targetRevision: HEAD");
                for (var doc : RenderFixtures.documents(content)) {
                    if (!"ClusterPolicy".equals(doc.get("kind"))) { // policies quote ':latest' in the patterns they refuse
                        images(doc).forEach(image -> assertThat(image).as("image in %s", path)
                                .doesNotEndWith(":latest").matches(".+(:[^/]+|@sha256:[0-9a-f]{64})$"));
                    }
                    if ("Secret".equals(doc.get("kind"))) {
                        assertThat(doc).as("Secret in %s", path).doesNotContainKeys("data", "stringData");
                    }
                }
            }
        });
    }
}
