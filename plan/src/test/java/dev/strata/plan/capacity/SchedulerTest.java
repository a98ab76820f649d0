package dev.strata.plan.capacity;

import dev.strata.catalog.Resources;
import dev.strata.spec.Taint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerTest {

    static final Taint PLATFORM = new Taint("tier", "platform", "NoSchedule");

    static NodeInfo node(String name, String tier, List<Taint> taints, String cpu, String mem) {
        return new NodeInfo(name, name, false, Optional.of(tier), Map.of("tier", tier), taints, Resources.of(cpu, mem), Resources.of(cpu, mem));
    }

    static PodRequest pod(String name, String cpu, String mem, Map<String, String> selector, List<Toleration> tolerations) {
        return new PodRequest(name, "monitoring", "loki", PodCategory.COMPONENT, Resources.of(cpu, mem), Resources.of(cpu, mem),
                selector, tolerations, false, false, Optional.empty());
    }

    @Test
    void anUnschedulablePodIsExplainedLikeTheScheduler() {
        List<NodeInfo> nodes = List.of(
                node("platform", "platform", List.of(PLATFORM), "2", "4Gi"),
                node("apps-1", "apps", List.of(), "2", "812Mi"),
                node("apps-2", "apps", List.of(), "2", "692Mi"));
        List<PodRequest> pods = List.of(
                pod("filler-1", "100m", "512Mi", Map.of("tier", "apps"), List.of()),
                pod("filler-2", "100m", "512Mi", Map.of("tier", "apps"), List.of()),
                pod("loki-0", "100m", "512Mi", Map.of(), List.of()));
        CapacityReport r = new Scheduler(nodes).schedule(pods, Scenario.REPLICAS);
        assertThat(r.unschedulable()).extracting(Unschedulable::toString).containsExactly(
                "pod loki-0 (monitoring): 0/3 nodes available: 1 untolerated taint tier=platform, 2 insufficient memory (needs 512Mi, free 300Mi, 180Mi)");
        assertThat(r.fits()).isFalse();
    }

    @Test
    void aTolerationAndSelectorPinAPodToItsTier() {
        List<NodeInfo> nodes = List.of(node("apps", "apps", List.of(), "4", "8Gi"), node("platform", "platform", List.of(PLATFORM), "1", "1Gi"));
        CapacityReport r = new Scheduler(nodes).schedule(List.of(
                pod("p", "100m", "128Mi", Map.of("tier", "platform"), List.of(Toleration.of(PLATFORM)))), Scenario.REPLICAS);
        assertThat(r.nodes().get(1).pods()).extracting(PodRequest::name).containsExactly("p");
        assertThat(r.nodes().get(0).pods()).isEmpty();
    }

    @Test
    void aSelectorNoNodeMatchesIsNamed() {
        CapacityReport r = new Scheduler(List.of(node("a", "apps", List.of(), "1", "1Gi"))).schedule(List.of(
                pod("p", "100m", "128Mi", Map.of("tier", "gpu"), List.of())), Scenario.REPLICAS);
        assertThat(r.unschedulable()).extracting(Unschedulable::reason)
                .containsExactly("0/1 nodes available: 1 didn't match node selector tier=gpu");
    }

    @Test
    void podsSpreadToTheLeastAllocatedNode() {
        List<NodeInfo> nodes = List.of(node("a", "apps", List.of(), "2", "4Gi"), node("b", "apps", List.of(), "2", "4Gi"));
        List<PodRequest> pods = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pods.add(pod("p" + i, "100m", "128Mi", Map.of(), List.of()));
        }
        CapacityReport r = new Scheduler(nodes).schedule(pods, Scenario.REPLICAS);
        assertThat(r.nodes()).allSatisfy(n -> assertThat(n.pods()).hasSize(2));
    }

    @Test
    void requiredAntiAffinityKeepsReplicasApart() {
        List<NodeInfo> nodes = List.of(node("a", "apps", List.of(), "4", "8Gi"), node("b", "apps", List.of(), "4", "8Gi"));
        List<PodRequest> pods = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            pods.add(new PodRequest("api-" + i, "prod-api", "api", PodCategory.APP, Resources.of("10m", "10Mi"), Resources.of("10m", "10Mi"),
                    Map.of(), List.of(), false, false, Optional.of("prod-api/api")));
        }
        CapacityReport r = new Scheduler(nodes).schedule(pods, Scenario.REPLICAS);
        assertThat(r.unschedulable()).extracting(Unschedulable::reason)
                .containsExactly("0/2 nodes available: 2 didn't match pod anti-affinity rules");
    }

    @Test
    void daemonSetPodsRunOnEveryNodeTheyTolerateAndStaticPodsOnControlPlanes() {
        NodeInfo cp = new NodeInfo("cp", "cp", true, Optional.empty(), Map.of(), List.of(new Taint("node-role.kubernetes.io/control-plane", "", "NoSchedule")),
                Resources.of("2", "4Gi"), Resources.of("2", "4Gi"));
        List<NodeInfo> nodes = List.of(cp, node("w", "apps", List.of(PLATFORM), "2", "4Gi"));
        PodRequest agent = new PodRequest("agent", "kube-system", "cilium", PodCategory.COMPONENT, Resources.of("50m", "64Mi"), Resources.of("50m", "64Mi"),
                Map.of(), List.of(Toleration.ALL), true, false, Optional.empty());
        PodRequest apiserver = new PodRequest("kube-apiserver", "kube-system", "kubernetes", PodCategory.KUBERNETES, Resources.of("250m", "0"), Resources.NONE,
                Map.of(), List.of(Toleration.ALL), true, true, Optional.empty());
        CapacityReport r = new Scheduler(nodes).schedule(List.of(agent, apiserver), Scenario.REPLICAS);
        assertThat(r.nodes().get(0).pods()).extracting(PodRequest::name).containsExactlyInAnyOrder("agent-cp", "kube-apiserver-cp");
        assertThat(r.nodes().get(1).pods()).extracting(PodRequest::name).containsExactly("agent-w");
        assertThat(r.kubernetesRequests().cpu().millicores()).isEqualTo(250);
        assertThat(r.componentRequests().cpu().millicores()).isEqualTo(100);
    }

    @Test
    void aDaemonSetPodThatDoesNotFitItsNodeIsReported() {
        List<NodeInfo> nodes = List.of(node("small", "apps", List.of(), "100m", "64Mi"));
        PodRequest agent = new PodRequest("agent", "kube-system", "cilium", PodCategory.COMPONENT, Resources.of("50m", "128Mi"), Resources.of("50m", "128Mi"),
                Map.of(), List.of(Toleration.ALL), true, false, Optional.empty());
        CapacityReport r = new Scheduler(nodes).schedule(List.of(agent), Scenario.REPLICAS);
        assertThat(r.unschedulable()).extracting(Unschedulable::toString)
                .containsExactly("pod agent-small (kube-system): 0/1 nodes available: 1 insufficient memory (needs 128Mi, free 64Mi) on small");
    }
}
