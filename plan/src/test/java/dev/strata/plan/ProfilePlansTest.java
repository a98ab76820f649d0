package dev.strata.plan;

import dev.strata.catalog.Quantity;
import dev.strata.plan.capacity.PodCategory;
import dev.strata.plan.capacity.Scenario;
import dev.strata.spec.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bundled profile plans without error and fits the nodes it declares. */
class ProfilePlansTest {

    static List<String> profiles() {
        return Profiles.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void everyProfileFitsItsNodes(String profile) {
        Plan plan = Planner.bundled().plan(Specs.profile(profile), Scenario.REPLICAS);
        assertThat(plan.capacity().unschedulable()).as("unschedulable pods in %s", profile).isEmpty();
        assertThat(plan.components()).isNotEmpty();
    }

    @Test
    void kindLabStaysWithinItsBudget() {
        Plan plan = Planner.bundled().plan(Specs.profile("kind-lab"), Scenario.REPLICAS);
        var total = plan.capacity().platformRequests();
        assertThat(total.cpu()).as("kind-lab components + apps CPU, was %s", total.cpu().toCpuString())
                .isLessThanOrEqualTo(Quantity.parse("1500m"));
        assertThat(total.memory()).as("kind-lab components + apps memory, was %s", total.memory().toMiB())
                .isLessThanOrEqualTo(Quantity.parse("3Gi"));
    }

    @Test
    void tieredProfilesKeepPlatformPodsOnPlatformNodesAndAppsOnAppNodes() {
        Plan plan = Planner.bundled().plan(Specs.profile("talos-ambient"), Scenario.REPLICAS);
        plan.capacity().nodes().forEach(n -> n.pods().forEach(p -> {
            if (p.category() == PodCategory.APP) {
                assertThat(n.node().tierName()).as("app pod %s", p.name()).isEqualTo("apps");
            }
            if (p.category() == PodCategory.COMPONENT && !p.perNode()) {
                assertThat(n.node().tierName()).as("platform pod %s", p.name()).isEqualTo("platform");
            }
        }));
    }

    @Test
    void theKubernetesControlPlaneIsCountedApartOnItsNodes() {
        Plan plan = Planner.bundled().plan(Specs.profile("cell"), Scenario.REPLICAS);
        var cps = plan.capacity().nodes().stream().filter(n -> n.node().controlPlane()).toList();
        assertThat(cps).hasSize(3);
        cps.forEach(n -> assertThat(n.pods()).extracting(p -> p.name()).anySatisfy(name -> assertThat(name).startsWith("kube-apiserver-")));
        assertThat(plan.capacity().kubernetesRequests().cpu()).isGreaterThanOrEqualTo(Quantity.parse("1950m"));
    }

    @Test
    void theMaxScenarioPlansHpaMaximaAndFullCanaries() {
        Plan replicas = Planner.bundled().plan(Specs.profile("home"), Scenario.REPLICAS);
        Plan max = Planner.bundled().plan(Specs.profile("home"), Scenario.MAX);
        long appPods = max.capacity().nodes().stream().flatMap(n -> n.pods().stream()).filter(p -> p.category() == PodCategory.APP).count()
                + max.capacity().unschedulable().stream().filter(u -> u.pod().category() == PodCategory.APP).count();
        // home: dev max 2, prod max 10, each with a full canary ReplicaSet at the worst moment of a rollout
        assertThat(appPods).isEqualTo(2 * (2 + 10));
        assertThat(max.capacity().appRequests().cpu()).isGreaterThan(replicas.capacity().appRequests().cpu());
    }
}
