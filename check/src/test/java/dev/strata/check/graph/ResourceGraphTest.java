package dev.strata.check.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.check.load.ManifestParser;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YamlReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph's pod template lookups, which every selector rule (Service, PDB, PodMonitor) goes through. */
class ResourceGraphTest {

    private static ResourceGraph graph(String yaml) {
        return new ResourceGraph(new ManifestParser(new YamlReader()).parse(yaml, "t.yaml", "file:t.yaml", "default").resources());
    }

    private static String deployment(String name, String namespace, String labels) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: %s}
                spec:
                  template:
                    metadata: {labels: %s}
                    spec:
                      containers: [{name: app, image: app:1}]
                ---
                """.formatted(name, namespace, labels);
    }

    private static final String PODS = deployment("web", "a", "{app: web, tier: front}")
            + deployment("web-canary", "a", "{app: web, tier: front, track: canary}")
            + deployment("api", "a", "{app: api, tier: back}")
            + deployment("web", "b", "{app: web, tier: front}")
            + deployment("unlabelled", "a", "{}");

    private static List<String> names(List<PodTemplate> templates) {
        return templates.stream().map(t -> t.owner().namespace() + "/" + t.owner().name()).toList();
    }

    @Test
    void equalitySelectorMatchesTemplatesHoldingEveryPairInItsNamespaceOnly() {
        ResourceGraph g = graph(PODS);
        assertThat(names(g.podTemplatesMatching("a", Map.of("app", "web")))).containsExactly("a/web", "a/web-canary");
        assertThat(names(g.podTemplatesMatching("a", Map.of("app", "web", "track", "canary")))).containsExactly("a/web-canary");
        assertThat(names(g.podTemplatesMatching("a", Map.of("tier", "front", "app", "api")))).isEmpty();
        assertThat(names(g.podTemplatesMatching("b", Map.of("app", "web")))).containsExactly("b/web");
        assertThat(g.podTemplatesMatching("c", Map.of("app", "web"))).isEmpty();
    }

    @Test
    void emptySelectorSelectsEveryTemplateOfTheNamespace() {
        assertThat(names(graph(PODS).podTemplatesMatching("a", Map.of())))
                .containsExactly("a/web", "a/web-canary", "a/api", "a/unlabelled");
    }

    @Test
    void labelSelectorAppliesMatchExpressionsToo() {
        ResourceGraph g = graph(PODS);
        YMap notCanary = (YMap) new YamlReader().read("""
                matchLabels: {app: web}
                matchExpressions: [{key: track, operator: DoesNotExist}]
                """).documents().getFirst().root();
        assertThat(names(g.podTemplatesMatching("a", notCanary))).containsExactly("a/web");
        YMap onlyExpressions = (YMap) new YamlReader().read("""
                matchExpressions: [{key: tier, operator: In, values: [back]}]
                """).documents().getFirst().root();
        assertThat(names(g.podTemplatesMatching("a", onlyExpressions))).containsExactly("a/api");
    }

    @Test
    void aWorkloadGetsTheSameTemplateEveryTime() {
        ResourceGraph g = graph(PODS);
        Resource web = g.find("Deployment", "a", "web").getFirst();
        assertThat(g.podTemplate(web)).containsSame(g.podTemplate(web).orElseThrow());
        assertThat(g.podTemplate(web).orElseThrow().containers()).extracting(PodTemplate.Container::path)
                .containsExactly("spec.template.spec.containers[0]");
    }
}
