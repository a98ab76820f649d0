package dev.strata.cluster.kube;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no cluster to talk to, the live commands learn it in seconds: no kubeconfig or an unknown
 * context is said before any network call; a refused connection is one try, not fabric8's ~20 s of
 * retries. The kubeconfig is chosen with fabric8's own {@code kubeconfig} system property.
 */
class NoClusterIT {

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        System.clearProperty("kubeconfig");
    }

    private static String kubeconfig(int port) {
        return """
                apiVersion: v1
                kind: Config
                clusters: [{name: lab, cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}}]
                users: [{name: lab, user: {token: t}}]
                contexts: [{name: kind-lab, context: {cluster: lab, user: lab}}]
                current-context: kind-lab
                """.formatted(port);
    }

    @Test
    void noKubeconfigIsSaidWithoutTryingTheNetwork() {
        System.setProperty("kubeconfig", dir.resolve("missing").toString());
        long start = System.nanoTime();
        Kube kube = Fabric8Kube.forContext(Optional.of("kind-lab"));
        assertThat(kube.reachable()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(kube.describe()).isEqualTo("context kind-lab: no kubeconfig (looked at " + dir.resolve("missing") + ")");
    }

    @Test
    void aContextTheKubeconfigDoesNotHoldIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), kubeconfig(6443));
        System.setProperty("kubeconfig", file.toString());
        Kube kube = Fabric8Kube.forContext(Optional.of("kind-other"));
        assertThat(kube.reachable()).isFalse();
        assertThat(kube.describe()).isEqualTo("context kind-other: context kind-other is not in the kubeconfig (" + file + ")");
    }

    @Test
    void aRefusedConnectionIsOneQuickTry() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path file = Files.writeString(dir.resolve("config"), kubeconfig(port));
        System.setProperty("kubeconfig", file.toString());
        long start = System.nanoTime();
        Kube kube = Fabric8Kube.forContext(Optional.of("kind-lab"));
        assertThat(kube.reachable()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(kube.describe()).isEqualTo("context kind-lab (https://127.0.0.1:" + port + "/)");
    }
}
