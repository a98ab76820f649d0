package dev.strata.render.cluster;

import dev.strata.render.RenderContext;
import dev.strata.render.RenderedTree;
import dev.strata.render.docs.ArchitectureDocGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {

    static final List<String> ALL = ProfileContexts.ALL;

    static Map<String, String> render(RenderContext ctx) {
        RenderedTree t = new RenderedTree();
        new ClusterConfigGenerator().generate(ctx, t);
        new ArchitectureDocGenerator().generate(ctx, t);
        return t.files();
    }

    /** Two renders from two separately loaded and planned specs give byte-identical files. */
    @ParameterizedTest
    @FieldSource("ALL")
    void renderingTwiceGivesIdenticalBytes(String profile) {
        Map<String, String> first = render(ProfileContexts.context(dev.strata.spec.SpecLoader.bundled().profile(profile)));
        Map<String, String> second = render(ProfileContexts.context(dev.strata.spec.SpecLoader.bundled().profile(profile)));
        assertThat(first).isNotEmpty().containsOnlyKeys(second.keySet());
        first.forEach((path, text) -> assertThat(second.get(path)).as(path).isEqualTo(text));
        first.forEach((path, text) -> {
            if (path.endsWith(".yaml")) {
                assertThat(ProfileContexts.yamlAll(text)).as(path + " parses").isNotEmpty();
            }
        });
    }
}
