package dev.strata.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.check.CheckEngine;
import dev.strata.check.CheckReport;
import dev.strata.check.ClusterModel;
import dev.strata.check.ObjectRef;
import dev.strata.check.RuleRegistry;
import dev.strata.check.Severity;
import dev.strata.check.graph.SourceTree;
import dev.strata.check.load.LoadResult;
import dev.strata.check.load.ManifestParser;
import dev.strata.check.rule.Rule;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table tests for every rule: {@code rules/<id>.yaml} holds cases of objects (a multi-document YAML
 * string) and the expected findings of that rule, as {@code "<object name>: <message>"} (a
 * {@code "warning "} prefix when the finding is downgraded). Every rule must have a failing and a
 * clean case.
 */
class RuleTableTest {

    /** Rules only the loader reports (rendering, chart values): tested through the loader (InputLoaderTest, DeepCheckTest). */
    private static final Set<String> LOADER_ONLY = Set.of("render-failed", "values-type-mismatch", "kustomize-deprecated",
            "argo-directory-not-recursive", "flux-build-failed", "flux-variable-unset");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyRuleHasFailingAndCleanCases() {
        return RuleRegistry.standard().rules().stream()
                .filter(r -> !LOADER_ONLY.contains(r.info().id()))
                .map(rule -> DynamicTest.dynamicTest(rule.info().id(), () -> {
                    List<YMap> cases = cases(rule.info().id());
                    assertThat(cases).as("cases of " + rule.info().id())
                            .anyMatch(c -> !c.strings("expect").isEmpty())
                            .anyMatch(c -> c.list("expect").map(l -> l.items().isEmpty()).orElse(false));
                }));
    }

    @TestFactory
    Stream<DynamicTest> casesProduceExactlyTheExpectedFindings() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : RuleRegistry.standard().rules()) {
            if (LOADER_ONLY.contains(rule.info().id())) {
                continue;
            }
            for (YMap c : cases(rule.info().id())) {
                tests.add(DynamicTest.dynamicTest(rule.info().id() + ": " + c.strOr("name", "?"),
                        () -> assertThat(run(rule.info().id(), c))
                                .containsExactlyInAnyOrderElementsOf(c.strings("expect"))));
            }
        }
        return tests.stream();
    }

    private List<String> run(String id, YMap c) throws IOException {
        Path root = Files.createTempDirectory(temp, "tree");
        for (String dir : c.strings("treeDirs")) {
            Files.createDirectories(root.resolve(dir));
        }
        for (String file : c.strings("treeFiles")) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), "");
        }
        SourceTree tree = new SourceTree(List.of(root), Set.copyOf(c.strings("remotes")));
        ManifestParser parser = new ManifestParser(new YamlReader());
        List<dev.strata.check.graph.Resource> resources = new ArrayList<>();
        List<dev.strata.check.load.LoadProblem> problems = new ArrayList<>();
        Map<String, String> files = new java.util.LinkedHashMap<>(c.stringMap("files"));
        if (c.has("objects")) {
            files.put("fixture.yaml", c.strOr("objects", ""));
        }
        Map<String, String> origins = c.stringMap("origins"); // objects a generator made: origin per file
        Map<String, String> applications = c.stringMap("applications"); // objects an Application syncs: namespace/name per file
        files.forEach((file, text) -> {
            ManifestParser.Parsed parsed = parser.parse(text, file, origins.getOrDefault(file, "file:" + file), "");
            parsed.resources().forEach(r -> resources.add(applications.containsKey(file) ? r.withApplication(applications.get(file)) : r));
            problems.addAll(parsed.problems());
        });
        LoadResult load = new LoadResult(resources, files.size(), problems, List.of(), List.of(), List.of(), tree);
        CheckEngine.Builder builder = CheckEngine.builder().rules(List.of(id));
        c.map("cluster").map(RuleTableTest::model).ifPresent(builder::clusterModel);
        CheckReport report = builder.build().check(load);
        return report.findings().stream()
                .map(f -> (f.severity() == Severity.WARNING && RuleRegistry.standard().require(id).info().severity()
                        == Severity.ERROR ? "warning " : "")
                        + (f.object().isNone() ? "(file)" : f.object().name()) + ": " + f.message())
                .toList();
    }

    static ClusterModel model(YMap m) {
        List<ClusterModel.Node> nodes = new ArrayList<>();
        for (YMap n : m.maps("nodes")) {
            List<ClusterModel.Taint> taints = new ArrayList<>();
            for (String t : n.strings("taints")) {
                String[] keyEffect = t.split(":");
                String[] kv = keyEffect[0].split("=");
                taints.add(new ClusterModel.Taint(kv[0], kv.length > 1 ? kv[1] : "", keyEffect[1]));
            }
            nodes.add(new ClusterModel.Node(n.strOr("name", "?"), n.strOr("role", "worker"), n.str("tier"),
                    n.stringMap("labels"), taints, 2000, 4L << 30));
        }
        List<ClusterModel.CapacityFinding> capacity = new ArrayList<>();
        for (YMap f : m.maps("capacity")) {
            Optional<ObjectRef> ref = f.str("object").map(o -> {
                String[] p = o.split("/");
                return new ObjectRef("", p[0], p[1], p[2]);
            });
            capacity.add(new ClusterModel.CapacityFinding(Severity.parse(f.strOr("severity", "error")), ref,
                    f.strOr("message", "")));
        }
        List<ClusterModel.ComponentNeeds> components = new ArrayList<>();
        for (YMap c : m.maps("components")) {
            List<ClusterModel.Need> needs = c.maps("needs").stream()
                    .map(n -> new ClusterModel.Need(n.strOr("group", ""), n.strOr("kind", ""), n.strOr("purpose", ""))).toList();
            components.add(new ClusterModel.ComponentNeeds(c.strOr("id", "?"), needs, c.strings("unmet"), c.str("inert")));
        }
        List<ClusterModel.Outside> outside = m.maps("createdOutside").stream()
                .map(o -> new ClusterModel.Outside(o.strOr("kind", ""), o.strOr("namespace", ""), o.strOr("name", ""), o.strOr("by", ""))).toList();
        return new ClusterModel(nodes, m.str("platformTier"), m.strings("platformNamespaces"), capacity, Optional.empty(), List.of(),
                outside, components, m.stringMap("crdGroups"), m.map("podSecurity").map(p -> new ClusterModel.PodSecurityDefaults(
                        p.strOr("level", "privileged"), p.strings("exempt"), p.strings("clusterNamespaces"))));
    }

    private static List<YMap> cases(String id) {
        String resource = "/rules/" + id + ".yaml";
        try (InputStream in = RuleTableTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("fixture " + resource).isNotNull();
            YamlReader.Result r = new YamlReader().read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(r.problems()).as("problems in " + resource).isEmpty();
            YNode root = r.documents().getFirst().root();
            return ((YMap) root).maps("cases");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
