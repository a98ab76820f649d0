package dev.strata.render;

import dev.strata.catalog.Resources;
import dev.strata.plan.Plan;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.PodRequest;
import dev.strata.plan.capacity.Scenario;
import dev.strata.spec.PlatformSpec;
import dev.strata.spec.SpecLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fact, two readers: a value a user overrides in platform.yaml is what Argo CD gives the chart
 * (the rendered values.yaml) and what the planner sizes the nodes with — never one without the other.
 */
class ValuesOverrideTest {

    static final String VALUES = "platform/observability/metrics-server/values.yaml";

    @Test
    void anOverriddenReplicaCountAndRequestReachTheValuesFileAndThePlan() {
        PlatformSpec spec = SpecLoader.bundled().parse("platform.yaml", """
                apiVersion: strata.dev/v1alpha1
                kind: Platform
                metadata: {name: lab}
                spec:
                  profile: kind-lab
                  components:
                    metrics-server:
                      values:
                        replicas: 2
                        resources: {requests: {cpu: 30m, memory: 64Mi}}
                """);

        Map<String, Object> values = RenderFixtures.single(Renderer.bundled().render(spec).get(VALUES));
        assertThat(values.get("replicas")).isEqualTo(2);
        assertThat(RenderFixtures.at(values, "resources.requests")).isEqualTo(Map.of("cpu", "30m", "memory", "64Mi"));
        assertThat(RenderFixtures.at(values, "resources.limits")).as("what the override does not name stays the catalog's")
                .isEqualTo(Map.of("cpu", "80m", "memory", "128Mi"));

        List<PodRequest> pods = metricsServerPods(Planner.bundled().plan(spec, Scenario.REPLICAS));
        assertThat(pods).hasSize(2).allSatisfy(p -> assertThat(p.requests()).isEqualTo(Resources.of("30m", "64Mi")));
    }

    @Test
    void withoutAnOverrideBothReadTheCatalogsFigures() {
        Map<String, Object> values = RenderFixtures.single(RenderFixtures.tree("kind-lab").get(VALUES));
        assertThat(values.get("replicas")).isEqualTo(1);
        assertThat(RenderFixtures.at(values, "resources.requests")).isEqualTo(Map.of("cpu", "10m", "memory", "48Mi"));
        assertThat(metricsServerPods(RenderFixtures.context("kind-lab").plan()))
                .singleElement().satisfies(p -> assertThat(p.requests()).isEqualTo(Resources.of("10m", "48Mi")));
    }

    private static List<PodRequest> metricsServerPods(Plan plan) {
        return plan.capacity().nodes().stream().flatMap(n -> n.pods().stream()).filter(p -> p.owner().equals("metrics-server")).toList();
    }
}
