package dev.strata.cluster.doctor;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Resources;
import dev.strata.catalog.Tool;
import dev.strata.cluster.fakes.FakeHost;
import dev.strata.cluster.fakes.FakeKube;
import dev.strata.cluster.fakes.FakeRunner;
import dev.strata.spec.Provider;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DoctorTest {

    private static final Tool KIND = Catalog.bundled().get("kind").tools().getFirst();
    /** 6Gi of requests on one control-plane node: the engine must have 6.5Gi. */
    private static final Needs NEED = new Needs(Resources.of("3", "6Gi"), 1, Optional.empty());
    private final FakeHost host = new FakeHost();
    private final FakeKube kube = new FakeKube();

    private DoctorReport examine(FakeRunner runner) {
        return new Doctor(runner, host, () -> kube).examine(Provider.KIND, "lab", Optional.of(KIND), NEED);
    }

    private static Finding find(DoctorReport r, String id) {
        return r.findings().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no finding " + id + " in " + r));
    }

    @Test
    void aReadyMachinePassesWithEveryCheckListed() {
        DoctorReport r = examine(FakeRunner.healthyKind(false, "lab"));
        assertThat(r.blocking()).isFalse();
        assertThat(r.findings()).extracting(Finding::id)
                .containsExactly("docker", "kind", "docker-memory", "docker-cpus", "disk", "port-80", "port-443");
        StringWriter out = new StringWriter();
        r.print(new PrintWriter(out, true));
        assertThat(out.toString()).contains("ok   docker: Docker engine 28.1.1 answers").endsWith("Ready for strata up (0 warnings).\n");
    }

    @Test
    void noDockerBinaryIsAnErrorWithTheFix() {
        FakeRunner runner = FakeRunner.healthyKind(false, "lab");
        runner.answer("docker version", 127, "", "docker: not found (looked in PATH and /home/u/.cache/strata/bin)");
        DoctorReport r = examine(runner);
        assertThat(r.blocking()).isTrue();
        assertThat(find(r, "docker-missing").reason()).isEqualTo("docker: not found (looked in PATH and /home/u/.cache/strata/bin)");
        assertThat(find(r, "docker-missing").fix()).contains("install Docker");
    }

    @Test
    void aStoppedDockerEngineIsAnError() {
        FakeRunner runner = FakeRunner.healthyKind(false, "lab");
        runner.answer("docker version", 1, "", "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n");
        Finding f = find(examine(runner), "docker-unreachable");
        assertThat(f.level()).isEqualTo(Finding.Level.ERROR);
        assertThat(f.reason()).endsWith("Is the docker daemon running?");
        assertThat(f.fix()).contains("systemctl start docker");
    }

    @Test
    void aMissingKindPointsAtInstallTools() {
        FakeRunner runner = FakeRunner.healthyKind(false, "lab");
        runner.answer("kind version", 127, "", "kind: not found (looked in PATH)");
        runner.answer("kind get clusters", 127, "", "kind: not found (looked in PATH)");
        Finding f = find(examine(runner), "kind-missing");
        assertThat(f.level()).isEqualTo(Finding.Level.ERROR);
        assertThat(f.fix()).contains("strata up --install-tools").contains("v0.33.0");
    }

    @Test
    void anotherKindVersionIsAWarning() {
        FakeRunner runner = FakeRunner.healthyKind(false, "lab");
        runner.answer("kind version", 0, "kind v0.29.0 go1.24.2 linux/amd64\n", "");
        DoctorReport r = examine(runner);
        assertThat(r.blocking()).isFalse();
        assertThat(find(r, "kind-version").reason()).isEqualTo("kind v0.29.0 is installed; Strata pins v0.33.0");
    }

    @Test
    void aDockerEngineWithLessMemoryThanThePlanNeedsIsAnErrorThatCountsTheControlPlaneAllowance() {
        FakeRunner runner = FakeRunner.healthyKind(false, "lab");
        runner.answer("docker info", 0, (6L << 30) + " 4 /var/lib/docker\n", ""); // enough for the requests, not for the allowance
        Finding f = find(examine(runner), "docker-memory-short");
        assertThat(f.level()).isEqualTo(Finding.Level.ERROR);
        assertThat(f.reason()).isEqualTo("the Docker engine has 6Gi; the platform needs 6.5Gi (6Gi requested by the platform + 0.5Gi "
                + "per control-plane node for what runs without requests (API server, controller manager))");
        assertThat(f.fix()).contains("Docker Desktop: Settings → Resources");
    }

    @Test
    void theEnginesMemoryNotTheHostsDecidesWhileOnLinuxMemoryOthersHoldIsAWarning() {
        host.memory = Optional.of(4L << 30); // the host has 4Gi free; the engine (a VM, or the host) has 16Gi
        DoctorReport r = examine(FakeRunner.healthyKind(false, "lab"));
        assertThat(r.blocking()).isFalse();
        assertThat(find(r, "docker-memory").reason()).isEqualTo("the Docker engine has 16Gi; the platform needs 6.5Gi");
        assertThat(find(r, "memory-in-use").level()).isEqualTo(Finding.Level.WARNING);
    }

    @Test
    void theImagesThePlatformRunsAreLookedUpInDockersCache() {
        FakeRunner runner = FakeRunner.healthyKind(false, "lab");
        runner.answer("docker image inspect --format {{.Id}} quay.io/argoproj/argocd:v3.4.4", 0, "sha256:aa\n", "");
        Needs needs = NEED.withImages(java.util.List.of("quay.io/argoproj/argocd:v3.4.4", "docker.io/grafana/grafana:12.3.0"));
        DoctorReport r = new Doctor(runner, host, () -> kube).examine(Provider.KIND, "lab", Optional.of(KIND), needs);
        assertThat(find(r, "images").reason()).isEqualTo("the platform runs 2 images; 1 are in Docker's cache, up pulls the other 1 once "
                + "(Docker Hub allows 100 anonymous pulls per 6 hours)");
    }

    @Test
    void fewerEngineCpusThanRequestedAndLowDiskAreWarnings() {
        FakeRunner runner = FakeRunner.healthyKind(false, "lab");
        runner.answer("docker info", 0, (16L << 30) + " 2 /var/lib/docker\n", "");
        host.disk = Optional.of(5L << 30);
        DoctorReport r = examine(runner);
        assertThat(r.blocking()).isFalse();
        assertThat(find(r, "docker-cpus-few").reason()).startsWith("the Docker engine has 2 CPUs; the platform requests 3");
        assertThat(find(r, "disk-low").reason()).isEqualTo("5Gi free under /var/lib/docker; the platform's images take about 20Gi");
    }

    @Test
    void theAppImageIsLoadedFromTheArchiveBuiltByUpFromTheCheckoutOrElseMissingIsAnError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        var missing = dir.resolve("sample-api-image.tar");
        Needs buildable = new Needs(NEED.requests(), 1, Optional.of(new Needs.Image(missing, true)));
        Needs given = new Needs(NEED.requests(), 1, Optional.of(new Needs.Image(missing, false)));
        var runner = FakeRunner.healthyKind(false, "lab");

        assertThat(find(new Doctor(runner, host, () -> kube).examine(Provider.KIND, "lab", Optional.of(KIND), buildable), "app-image").reason())
                .contains("up builds it");
        Finding f = find(new Doctor(runner, host, () -> kube).examine(Provider.KIND, "lab", Optional.of(KIND), given), "app-image-missing");
        assertThat(f.level()).isEqualTo(Finding.Level.ERROR);
        assertThat(f.fix()).contains("jib:buildTar").contains("--image-archive");

        java.nio.file.Files.writeString(missing, "tar");
        assertThat(find(new Doctor(runner, host, () -> kube).examine(Provider.KIND, "lab", Optional.of(KIND), given), "app-image").reason())
                .isEqualTo("the sample API image is at " + missing);
    }

    @Test
    void busyGatewayPortsAreErrorsUnlessTheClusterAlreadyHoldsThem() {
        host.busyPorts.add(443);
        DoctorReport fresh = examine(FakeRunner.healthyKind(false, "lab"));
        assertThat(find(fresh, "port-443-busy").level()).isEqualTo(Finding.Level.ERROR);
        assertThat(find(fresh, "port-80").level()).isEqualTo(Finding.Level.OK);

        DoctorReport existing = examine(FakeRunner.healthyKind(true, "lab"));
        assertThat(existing.blocking()).isFalse();
        assertThat(existing.clusterExists()).isTrue();
        assertThat(find(existing, Doctor.CLUSTER_EXISTS).reason()).contains("kind cluster named lab exists; up reuses it");
    }

    @Test
    void lowInotifyLimitsAreWarningsWithTheSysctlToRun() {
        host.sysctls.put("fs.inotify.max_user_watches", 8192L);
        host.sysctls.put("fs.inotify.max_user_instances", 128L);
        DoctorReport r = examine(FakeRunner.healthyKind(false, "lab"));
        assertThat(r.blocking()).isFalse();
        assertThat(find(r, "inotify-watches-low").fix()).isEqualTo("sudo sysctl fs.inotify.max_user_watches=524288 (and add it to /etc/sysctl.d to keep it)");
        assertThat(find(r, "inotify-instances-low").reason()).startsWith("fs.inotify.max_user_instances is 128;");
    }

    @Test
    void anExistingClusterNeedsOnlyAReachableContext() {
        kube.reachable = false;
        DoctorReport r = new Doctor(new FakeRunner(), host, () -> kube).examine(Provider.EXISTING, "lab", Optional.empty(), NEED);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("context-unreachable");
            assertThat(f.fix()).contains("kubectl config use-context");
        });
    }
}
