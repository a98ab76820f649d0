package dev.strata.cluster.wait;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.fakes.FakeKube;
import dev.strata.cluster.fakes.FakeTicker;
import dev.strata.cluster.kube.AppStatus;
import dev.strata.cluster.kube.PodStatus;
import dev.strata.cluster.kube.ResourceHealth;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplicationWaiterTest {

    private final FakeKube kube = new FakeKube();
    private final FakeTicker ticker = new FakeTicker();
    private final StringWriter out = new StringWriter();

    private static AppStatus app(String name, int wave, String sync, String health) {
        return new AppStatus(name, wave, sync, health, "", List.of());
    }

    private ApplicationWaiter waiter(Duration timeout) {
        return new ApplicationWaiter(kube, ticker, WaitDisplay.of(new PrintWriter(out, true), false), timeout, Duration.ofMinutes(3));
    }

    /** Each poll returns the next scripted snapshot; the last one repeats. */
    private void script(List<List<AppStatus>> snapshots) {
        Deque<List<AppStatus>> q = new ArrayDeque<>(snapshots);
        kube.applications = () -> q.size() > 1 ? q.poll() : q.peek();
    }

    @Test
    void returnsWhenEveryExpectedApplicationIsSyncedAndHealthy() {
        script(List.of(
                List.of(app("root", 0, "Synced", "Progressing")),
                List.of(app("root", 0, "Synced", "Progressing"), app("cilium", 1, "OutOfSync", "Missing")),
                List.of(app("root", 0, "Synced", "Healthy"), app("cilium", 1, "Synced", "Progressing")),
                List.of(app("root", 0, "Synced", "Healthy"), app("cilium", 1, "Synced", "Healthy"))));

        var apps = waiter(Duration.ofMinutes(10)).await(Set.of("root", "cilium"));

        assertThat(apps).allMatch(AppStatus::ready);
        assertThat(out.toString()).contains("wave 1   cilium                       OutOfSync  Missing")
                .contains("wave 1   cilium                       Synced     Healthy      6s");
        assertThat(ticker.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void waitsForApplicationsThatDoNotExistYetEvenWhenThePresentOnesAreHealthy() {
        script(List.of(List.of(app("root", 0, "Synced", "Healthy")), List.of(app("root", 0, "Synced", "Healthy"), app("loki", 3, "Synced", "Healthy"))));
        waiter(Duration.ofMinutes(10)).await(Set.of("root", "loki"));
        assertThat(ticker.sleeps).hasSize(1);
    }

    @Test
    void backsOffWhileNothingChanges() {
        script(List.of(app("root", 0, "Synced", "Progressing")).stream().map(List::of).toList());
        assertThatThrownBy(() -> waiter(Duration.ofMinutes(1)).await(Set.of("root"))).isInstanceOf(ClusterException.class);
        assertThat(ticker.sleeps).startsWith(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(15), Duration.ofSeconds(15));
        assertThat(ticker.sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aTimeoutFailsWithTheUnhealthyApplicationsTheirResourcesAndTheFailingPods() {
        var loki = new AppStatus("loki", 3, "Synced", "Progressing", "waiting for healthy state of apps/StatefulSet/loki",
                List.of(new ResourceHealth("StatefulSet", "monitoring", "loki", "Synced", "Progressing", "Waiting for 1 pods to be ready"),
                        new ResourceHealth("Service", "monitoring", "loki", "Synced", "Healthy", "")));
        script(List.of(List.of(app("root", 0, "Synced", "Healthy"), loki)));
        kube.pods.put("monitoring", List.of(
                new PodStatus("monitoring", "loki-0", "kind-lab-worker", "Running", false, 4, "CrashLoopBackOff", "StatefulSet"),
                new PodStatus("monitoring", "alloy-x", "kind-lab-worker", "Running", true, 0, "", "DaemonSet")));
        kube.events.put("monitoring/loki-0", List.of("Pulled: image already present", "BackOff: Back-off restarting failed container loki"));
        kube.logs.put("monitoring/loki-0", List.of("level=error msg=\"error initialising module: store\" err=\"mkdir /var/loki: read-only file system\""));

        assertThatThrownBy(() -> waiter(Duration.ofMinutes(5)).await(Set.of("root", "loki", "tempo")))
                .isInstanceOf(ClusterException.class)
                .hasMessage("2 of 3 Applications not Synced and Healthy after 5m00s")
                .satisfies(e -> assertThat(((ClusterException) e).evidence()).containsExactly(
                        "Application tempo: does not exist yet (its parent has not created it)",
                        "Application loki (wave 3): Synced, Progressing: waiting for healthy state of apps/StatefulSet/loki",
                        "  StatefulSet monitoring/loki: Progressing (Waiting for 1 pods to be ready)",
                        "pod monitoring/loki-0: Running, CrashLoopBackOff, 4 restarts, on kind-lab-worker",
                        "    event Pulled: image already present",
                        "    event BackOff: Back-off restarting failed container loki",
                        "    log   level=error msg=\"error initialising module: store\" err=\"mkdir /var/loki: read-only file system\""));
    }

    @Test
    void anApplicationDegradedForTheGracePeriodFailsBeforeTheTimeout() {
        var degraded = new AppStatus("sample-api-dev", 5, "Synced", "Degraded", "Deployment has timed out progressing",
                List.of(new ResourceHealth("Deployment", "dev-sample-api", "sample-api", "Synced", "Degraded", "ImagePullBackOff")));
        script(List.of(List.of(app("root", 0, "Synced", "Healthy"), app("sample-api-dev", 5, "Synced", "Progressing")),
                List.of(app("root", 0, "Synced", "Healthy"), degraded)));

        assertThatThrownBy(() -> waiter(Duration.ofMinutes(30)).await(Set.of("root", "sample-api-dev")))
                .hasMessageStartingWith("Application sample-api-dev has been Degraded for 3m")
                .satisfies(e -> assertThat(((ClusterException) e).evidence()).contains("  Deployment dev-sample-api/sample-api: Degraded (ImagePullBackOff)"));
        assertThat(ticker.now()).isBefore(java.time.Instant.parse("2026-11-27T12:05:00Z"));
    }

    @Test
    void aDegradedApplicationThatRecoversIsNotAFailure() {
        script(List.of(List.of(app("a", 1, "Synced", "Degraded")), List.of(app("a", 1, "Synced", "Degraded")),
                List.of(app("a", 1, "Synced", "Progressing")), List.of(app("a", 1, "Synced", "Healthy"))));
        assertThat(waiter(Duration.ofMinutes(30)).await(Set.of("a"))).singleElement().matches(AppStatus::ready);
    }

    @Test
    void theLiveDisplayRedrawsInPlaceWithAMarkPerLine() {
        StringWriter live = new StringWriter();
        WaitDisplay d = WaitDisplay.of(new PrintWriter(live, true), true);
        d.update(List.of(app("root", 0, "Synced", "Healthy"), app("x", 1, "Synced", "Degraded")), Map.of());
        d.update(List.of(app("root", 0, "Synced", "Healthy"), app("x", 1, "Synced", "Healthy")), Map.of());
        assertThat(live.toString()).contains(" ✓ wave 0").contains(" ✗ wave 1").contains("\033[2A");
    }

    @Test
    void applicationsReadingTheRepositoryCountOnlyOnceSyncedToThePushedCommit() {
        String old = "1111111111111111111111111111111111111111";
        String pushed = "2222222222222222222222222222222222222222";
        script(List.of(
                List.of(new AppStatus("cilium", 1, "Synced", "Healthy", "", List.of(), List.of("1.20.0", old)),
                        new AppStatus("gateway-api-crds", 0, "Synced", "Healthy", "", List.of(), List.of("aaaa111111111111111111111111111111111111"))),
                List.of(new AppStatus("cilium", 1, "Synced", "Healthy", "", List.of(), List.of("1.20.0", pushed)),
                        new AppStatus("gateway-api-crds", 0, "Synced", "Healthy", "", List.of(), List.of("aaaa111111111111111111111111111111111111")))));

        waiter(Duration.ofMinutes(10)).await(Set.of("cilium", "gateway-api-crds"), java.util.Optional.of(pushed), Set.of("cilium"));

        assertThat(ticker.sleeps).hasSize(1);
        assertThat(out.toString()).contains("cilium                       Synced@11111111 Healthy").contains("waiting for Argo CD to sync 22222222");
    }

    @Test
    void readsSyncRevisionsOfSingleAndMultiSourceApplications() {
        var multi = AppStatus.parse(Map.of("metadata", Map.of("name", "loki"),
                "status", Map.of("sync", Map.of("status", "Synced", "revisions", List.of("6.49.0", "abc")), "health", Map.of("status", "Healthy"))));
        var single = AppStatus.parse(Map.of("metadata", Map.of("name", "root"),
                "status", Map.of("sync", Map.of("status", "Synced", "revision", "def"), "health", Map.of("status", "Healthy"))));
        assertThat(multi.revisions()).containsExactly("6.49.0", "abc");
        assertThat(single.revisions()).containsExactly("def");
        assertThat(AppStatus.parse(Map.of("metadata", Map.of("name", "new"))).sync()).isEqualTo("Unknown");
    }
}
