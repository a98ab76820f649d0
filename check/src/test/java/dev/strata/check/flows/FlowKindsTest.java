package dev.strata.check.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Reachability fixtures, one file per flow kind ({@code flows/<kind>.yaml}): each case holds objects
 * and the exact flows of that kind the model derives, allowed or blocked, with the deciding policy.
 * Every kind has an allowed and a blocked case.
 */
class FlowKindsTest {

    @TestFactory
    Stream<DynamicTest> everyKindHasAllowedAndBlockedCases() {
        return FlowMatrix.KINDS.stream().map(kind -> DynamicTest.dynamicTest(kind, () -> {
            List<String> expected = cases(kind).stream().flatMap(c -> c.strings("expect").stream()).toList();
            assertThat(expected).as("flows/" + kind + ".yaml").anyMatch(e -> e.startsWith("allowed ")).anyMatch(e -> e.startsWith("blocked "));
        }));
    }

    @TestFactory
    Stream<DynamicTest> casesDeriveExactlyTheExpectedFlows() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String kind : FlowMatrix.KINDS) {
            for (YMap c : cases(kind)) {
                tests.add(DynamicTest.dynamicTest(kind + ": " + c.strOr("name", "?"), () -> {
                    FlowMatrix matrix = FlowMatrix.of(Graphs.of(c.strOr("objects", "")));
                    assertThat(matrix.ofKind(kind).stream().map(Graphs::line).toList())
                            .containsExactlyInAnyOrderElementsOf(c.strings("expect"));
                    for (String note : c.strings("notes")) {
                        assertThat(matrix.ofKind(kind)).anySatisfy(r -> assertThat(r.verdict().notes()).contains(note));
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static List<YMap> cases(String kind) {
        String resource = "/flows/" + kind + ".yaml";
        try (InputStream in = FlowKindsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            YamlReader.Result r = new YamlReader().read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(r.problems()).as(resource).isEmpty();
            return ((YMap) r.documents().getFirst().root()).maps("cases");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
