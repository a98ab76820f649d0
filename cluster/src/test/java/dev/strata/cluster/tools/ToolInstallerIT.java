package dev.strata.cluster.tools;

import com.sun.net.httpserver.HttpServer;
import dev.strata.catalog.Tool;
import dev.strata.cluster.ClusterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** install-tools against a local HTTP server serving a fake release: never the network. */
class ToolInstallerIT {

    private static final byte[] BINARY = "#!/bin/sh\necho kind v0.33.0\n".getBytes(StandardCharsets.UTF_8);
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private HttpServer server;

    @TempDir
    Path bin;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = files.get(ex.getRequestURI().getPath());
            ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Tool tool() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/releases/{version}/";
        return new Tool("kind", "v0.33.0", "test", LocalDate.of(2026, 11, 27), Optional.of(base + "kind-{os}-{arch}"),
                Optional.of(base + "kind-{os}-{arch}.sha256sum"), Map.of());
    }

    private ToolInstaller installer() {
        return new ToolInstaller(HttpClient.newHttpClient(), bin, new HostPlatform("linux", "amd64"));
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void aVerifiedDownloadBecomesAnExecutableInTheCache() throws Exception {
        files.put("/releases/v0.33.0/kind-linux-amd64", BINARY);
        files.put("/releases/v0.33.0/kind-linux-amd64.sha256sum", (sha256(BINARY) + "  kind-linux-amd64\n").getBytes(StandardCharsets.UTF_8));

        Path installed = installer().install(tool());

        assertThat(installed).isEqualTo(bin.resolve("kind"));
        assertThat(installed).hasBinaryContent(BINARY);
        assertThat(Files.isExecutable(installed)).isTrue();
    }

    @Test
    void aChecksumMismatchLeavesNothingBehind() throws Exception {
        files.put("/releases/v0.33.0/kind-linux-amd64", BINARY);
        String wrong = sha256("something else".getBytes(StandardCharsets.UTF_8));
        files.put("/releases/v0.33.0/kind-linux-amd64.sha256sum", (wrong + "  kind-linux-amd64\n").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> installer().install(tool()))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("published " + wrong)
                .hasMessageEndingWith("nothing was installed");
        try (var left = Files.list(bin)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aReleaseWithoutAChecksumForTheAssetIsRefused() throws Exception {
        files.put("/releases/v0.33.0/kind-linux-amd64", BINARY);
        files.put("/releases/v0.33.0/kind-linux-amd64.sha256sum", (sha256(BINARY) + "  kind-darwin-arm64\n").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> installer().install(tool())).hasMessageContaining("no SHA-256 for kind-linux-amd64");
        try (var left = Files.list(bin)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void offlineTheFailureSaysWhatHappenedNeverNull() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        String base = "http://127.0.0.1:" + port + "/releases/{version}/";
        Tool offline = new Tool("kind", "v0.33.0", "test", LocalDate.of(2026, 11, 27), Optional.of(base + "kind-{os}-{arch}"),
                Optional.of(base + "kind-{os}-{arch}.sha256sum"), Map.of());
        assertThatThrownBy(() -> installer().install(offline)).isInstanceOf(ClusterException.class)
                .hasMessageContaining("connection refused").hasMessageContaining("is this machine online?")
                .hasMessageNotContaining("null");
    }

    @Test
    void checksumFilesOfManyAssetsAreSearchedByName() {
        String talos = "aaaa".repeat(16) + "  talosctl-darwin-arm64\n" + "bbbb".repeat(16) + "  talosctl-linux-amd64\n";
        assertThat(ToolInstaller.expectedSha256(talos, "talosctl-linux-amd64")).contains("bbbb".repeat(16));
        assertThat(ToolInstaller.expectedSha256("cccc".repeat(16) + "\n", "kind-linux-amd64")).contains("cccc".repeat(16));
    }
}
