package dev.strata.render;

import dev.strata.spec.ComponentChoice;
import dev.strata.spec.PlatformSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Same spec → byte-identical tree, whatever order the spec lists its components in: a platform.yaml
 * that names the same components in another order must not re-order, re-wave or re-number anything.
 * (Across JVMs: {@link DeterminismIT}.)
 */
class DeterminismTest {

    static List<String> profiles() {
        return RenderFixtures.profiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void componentsListedInReverseOrderRenderTheSameBytes(String profile) {
        PlatformSpec s = RenderFixtures.spec(profile);
        List<Map.Entry<String, ComponentChoice>> entries = new ArrayList<>(s.components().entrySet());
        assertThat(entries).as("%s lists components to re-order", profile).hasSizeGreaterThan(1);
        Collections.reverse(entries);
        Map<String, ComponentChoice> reversed = new LinkedHashMap<>();
        entries.forEach(e -> reversed.put(e.getKey(), e.getValue()));
        PlatformSpec shuffled = new PlatformSpec(s.name(), s.profile(), s.cluster(), s.git(), reversed, s.environments(), s.apps());

        Map<String, String> expected = RenderFixtures.tree(profile).files();
        Map<String, String> actual = Renderer.bundled().render(shuffled).files();
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((path, text) -> assertThat(actual.get(path)).as(path).isEqualTo(text));
    }
}
