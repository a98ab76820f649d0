package dev.strata.yaml.tree;

import dev.strata.yaml.YamlLimits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class YamlReaderTest {

    private final YamlReader reader = new YamlReader();

    @Test
    void keepsLineNumbersOfDocumentsAndKeys() {
        YamlReader.Result r = reader.read("a: 1\n---\n# comment\nkind: Service\nmetadata:\n  name: web\n");
        assertThat(r.problems()).isEmpty();
        assertThat(r.documents()).hasSize(2);
        YMap second = (YMap) r.documents().get(1).root();
        assertThat(second.line()).isEqualTo(4);
        assertThat(second.map("metadata").orElseThrow().keyLine("name")).isEqualTo(6);
    }

    @Test
    void malformedDocumentReportsItsLineAndTheNextDocumentStillLoads() {
        YamlReader.Result r = reader.read("kind: A\n---\nkind: B\nmetadata:\n  name: x\n   bad: [\n---\nkind: C\n");
        assertThat(r.documents()).extracting(d -> ((YMap) d.root()).strOr("kind", "")).containsExactly("A", "C");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).isEqualTo("mapping values are not allowed here");
        });
    }

    @Test
    void directivesAndCommentsStayWithTheDocumentThatFollows() {
        YamlReader.Result r = reader.read("%YAML 1.2\n# header\n---\nkind: A\n---\n# only a comment\n---\nkind: B\n");
        assertThat(r.problems()).isEmpty();
        assertThat(r.documents()).extracting(d -> ((YMap) d.root()).strOr("kind", "")).containsExactly("A", "B");
        assertThat(r.documents().get(1).root().line()).isEqualTo(8);
    }

    @Test
    void duplicateKeysAreAnError() {
        YamlReader.Result r = reader.read("kind: A\nmetadata:\n  name: a\n  name: b\n");
        assertThat(r.documents()).isEmpty();
        assertThat(r.problems()).singleElement()
                .isEqualTo(new YamlProblem(4, "metadata.name", "duplicate key \"name\" (first at line 3); keep one"));
    }

    @Test
    void everyDuplicateKeyIsReportedWithItsPathAndOnlyThatDocumentIsDropped() {
        YamlReader.Result r = reader.read("""
                spec:
                  apps:
                    - name: a
                      name: b
                    - ports: [1]
                      env: {x: 1, x: 2}
                  apps: again
                ---
                kind: Fine
                """);

        assertThat(r.problems()).containsExactly(
                new YamlProblem(4, "spec.apps[0].name", "duplicate key \"name\" (first at line 3); keep one"),
                new YamlProblem(6, "spec.apps[1].env.x", "duplicate key \"x\" (first at line 6); keep one"),
                new YamlProblem(7, "spec.apps", "duplicate key \"apps\" (first at line 2); keep one"));
        assertThat(r.documents()).extracting(d -> ((YMap) d.root()).strOr("kind", "")).containsExactly("Fine");
    }

    @Test
    void aSecondMergeKeyInOneMappingIsADuplicateSinceParsersDisagreeOnWhichWins() {
        YamlReader.Result r = reader.read("""
                base: &b {x: 1}
                other: &o {x: 2}
                item:
                  <<: *b
                  <<: *o
                """);

        assertThat(r.problems()).containsExactly(new YamlProblem(5, "item.<<", "duplicate key \"<<\" (first at line 4); keep one"));
        assertThat(r.documents()).isEmpty();
    }

    @Test
    void theNonSpecificTagMakesAScalarAStringAndANullKeyKeepsItsText() {
        YamlReader json = new YamlReader(YamlLimits.STANDARD, YamlReader.Scalars.JSON);
        for (YamlReader r : List.of(reader, json)) {
            YMap root = (YMap) r.read("a: ! true\nb: ! 2\nnull: x\n").documents().getFirst().root();
            assertThat(root.values().values()).extracting(n -> ((YScalar) n).type())
                    .as("YAML 1.2, 6.9.1: a scalar tagged ! is a string")
                    .containsExactly(YScalar.Type.STRING, YScalar.Type.STRING, YScalar.Type.STRING);
            assertThat(root.keyAt(2)).isEqualTo("null");
        }
    }

    @Test
    void anAliasToTheCollectionItIsInIsCalledRecursiveNotMissing() {
        assertThat(reader.read("a: &x [1, *x]\n").problems()).singleElement().extracting(YamlProblem::message)
                .isEqualTo("alias *x refers to the collection it is in (a recursive structure); refused");
        assertThat(reader.read("a: [1, *y]\n").problems()).singleElement().extracting(YamlProblem::message)
                .isEqualTo("alias *y refers to no anchor");
    }

    @Test
    void theSpecsJsonTypingKeepsYamlOneOneBooleansAndHexAsStrings() {
        YamlReader json = new YamlReader(YamlLimits.STANDARD, YamlReader.Scalars.JSON);
        YMap typed = (YMap) json.read("a: yes\nb: 0x10\nc: True\nd: true\ne: 12\nf: 1.5\ng:\nh: null\ni: '12'\nj: !!int 7\n")
                .documents().getFirst().root();
        YMap kube = (YMap) reader.read("a: yes\nb: 0x10\n").documents().getFirst().root();

        assertThat(typed.values().values()).extracting(n -> ((YScalar) n).type()).containsExactly(
                YScalar.Type.STRING, YScalar.Type.STRING, YScalar.Type.STRING, YScalar.Type.BOOL, YScalar.Type.INT,
                YScalar.Type.FLOAT, YScalar.Type.NULL, YScalar.Type.NULL, YScalar.Type.STRING, YScalar.Type.INT);
        assertThat(kube.values().values()).extracting(n -> ((YScalar) n).type())
                .as("Kubernetes (go-yaml v2) reads yes as a boolean and 0x10 as a number")
                .containsExactly(YScalar.Type.BOOL, YScalar.Type.INT);
    }

    @Test
    void billionLaughsIsRefusedQuicklyWithFlatMemory() {
        StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            sb.append("]\n");
            prev = c;
        }
        String bomb = sb.toString();
        YamlReader.Result r = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> reader.read(bomb));
        assertThat(r.documents()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("document expands to more than 1000000 nodes through aliases; refused"));
    }

    @Test
    void tooManyAliasesAreRefused() {
        StringBuilder sb = new StringBuilder("a: &a [1]\nb: [");
        for (int i = 0; i <= YamlLimits.STANDARD.maxAliases(); i++) {
            sb.append(i == 0 ? "" : ",").append("*a");
        }
        YamlReader.Result r = reader.read(sb.append("]\n").toString());
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("more than 50 aliases to collections in one document"));
    }

    @Test
    void expansionBeyondTheNodeLimitIsRefusedEvenWithFewAliases() {
        YamlReader small = new YamlReader(new YamlLimits(1 << 20, 100, 100, 1000));
        StringBuilder sb = new StringBuilder("a: &a [1,2,3,4,5,6,7,8,9,10]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'e'; c++) {
            sb.append(c).append(": &").append(c).append(" [*").append(prev).append(",*").append(prev)
                    .append(",*").append(prev).append(",*").append(prev).append(",*").append(prev).append("]\n");
            prev = c;
        }
        YamlReader.Result r = small.read(sb.toString());
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("document expands to more than 1000 nodes through aliases; refused"));
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        YamlReader.Result r = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> reader.read(deep));
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("nesting deeper than 100 levels"));
    }

    @Test
    void oversizedDocumentIsRefused() {
        YamlReader small = new YamlReader(new YamlLimits(1000, 100, 100, 1000));
        YamlReader.Result r = small.read("a: \"" + "x".repeat(5000) + "\"\n---\nb: 1\n");
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("1000"));
        assertThat(r.documents()).hasSize(1);
    }

    @Test
    void resolvesScalarTypesAndMergeKeys() {
        YamlReader.Result r = reader.read("base: &b {x: 1, y: two}\nm:\n  <<: *b\n  y: 3\nq: \"3\"\nt: true\nn: null\nf: 1.5\n");
        YMap root = (YMap) r.documents().getFirst().root();
        YMap m = root.map("m").orElseThrow();
        assertThat(m.str("x")).contains("1");
        assertThat(m.integer("y")).contains(3L);
        assertThat(((YScalar) root.get("q").orElseThrow()).type()).isEqualTo(YScalar.Type.STRING);
        assertThat(((YScalar) root.get("t").orElseThrow()).type()).isEqualTo(YScalar.Type.BOOL);
        assertThat(((YScalar) root.get("n").orElseThrow()).type()).isEqualTo(YScalar.Type.NULL);
        assertThat(((YScalar) root.get("f").orElseThrow()).type()).isEqualTo(YScalar.Type.FLOAT);
    }

    @Test
    void typesScalarsTheWayKubernetesReadsThem() {
        YMap root = (YMap) reader.read("""
                port: 8080
                mode: 0755
                neg: -5
                hex: 0x1F
                exp: 1e3
                cpu: 50m
                version: 1.2.3
                legacy: on
                empty:
                tilde: ~
                """).documents().getFirst().root();
        java.util.function.Function<String, YScalar.Type> type = k -> ((YScalar) root.get(k).orElseThrow()).type();
        assertThat(type.apply("port")).isEqualTo(YScalar.Type.INT);
        assertThat(type.apply("mode")).isEqualTo(YScalar.Type.INT);
        assertThat(type.apply("neg")).isEqualTo(YScalar.Type.INT);
        assertThat(type.apply("hex")).isEqualTo(YScalar.Type.INT);
        assertThat(type.apply("exp")).isEqualTo(YScalar.Type.FLOAT);
        assertThat(type.apply("cpu")).isEqualTo(YScalar.Type.STRING);
        assertThat(type.apply("version")).isEqualTo(YScalar.Type.STRING);
        assertThat(type.apply("legacy")).isEqualTo(YScalar.Type.BOOL);
        assertThat(type.apply("empty")).isEqualTo(YScalar.Type.NULL);
        assertThat(type.apply("tilde")).isEqualTo(YScalar.Type.NULL);
    }

    @Test
    void wideMappingsKeepEveryKeyInOrderAndStillCatchDuplicates() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append("k").append(i).append(": ").append(i).append('\n');
        }
        YMap root = (YMap) reader.read(sb.toString()).documents().getFirst().root();
        assertThat(root.keyCount()).isEqualTo(40);
        assertThat(root.keyAt(39)).isEqualTo("k39");
        assertThat(root.keyLineAt(39)).isEqualTo(40);
        assertThat(root.integer("k25")).contains(25L);

        YamlReader.Result dup = reader.read(sb + "k3: again\n");
        assertThat(dup.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(41);
            assertThat(p.message()).isEqualTo("duplicate key \"k3\" (first at line 4); keep one");
        });
    }

    @Test
    void mergeKeysCanWidenAMappingPastItsIndexThresholdAndExplicitKeysStillWin() {
        StringBuilder base = new StringBuilder("base: &b {");
        for (int i = 0; i < 20; i++) {
            base.append(i == 0 ? "" : ", ").append("m").append(i).append(": ").append(i);
        }
        base.append("}\n");
        StringBuilder own = new StringBuilder("target:\n  <<: *b\n");
        for (int i = 0; i < 10; i++) {
            own.append("  k").append(i).append(": ").append(i).append('\n');
        }
        own.append("  m5: mine\n");
        YMap target = ((YMap) reader.read(base.toString() + own).documents().getFirst().root()).map("target").orElseThrow();
        assertThat(target.keyCount()).isEqualTo(30); // k0..k9 and m5, then m0..m19 merged but m5
        assertThat(target.str("m5")).contains("mine");
        assertThat(target.integer("m19")).contains(19L);
        assertThat(target.keyLineAt(target.keyCount() - 1)).isEqualTo(1); // merged keys keep their own line
    }

    @Test
    void anchoredCollectionsAreSharedByTheirAliases() {
        YMap root = (YMap) reader.read("a: &list [1, 2]\nb: *list\nc: &map {x: 1}\nd: *map\n").documents().getFirst().root();
        assertThat(root.get("b")).containsSame(root.get("a").orElseThrow());
        assertThat(root.get("d")).containsSame(root.get("c").orElseThrow());
    }

    @Test
    void manyDocumentsParsedInParallelKeepTheirOrder() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            sb.append("---\nindex: ").append(i).append('\n');
        }
        YamlReader.Result r = reader.read(sb.toString());
        assertThat(r.documents()).hasSize(500);
        for (int i = 0; i < 500; i++) {
            assertThat(((YMap) r.documents().get(i).root()).integer("index")).contains((long) i);
            assertThat(r.documents().get(i).root().line()).isEqualTo(2 * i + 2);
        }
    }
}
