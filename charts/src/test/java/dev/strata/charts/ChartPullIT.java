package dev.strata.charts;

import com.sun.net.httpserver.HttpServer;
import dev.strata.charts.fetch.GitDirectory;
import dev.strata.charts.fetch.HttpRepository;
import dev.strata.charts.fetch.OciRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The pull path against a chart repository and an OCI registry served by the test on loopback. */
class ChartPullIT {

    @TempDir
    Path dir;

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private ChartCache cache() {
        return new ChartCache(dir.resolve("cache"));
    }

    private ChartPull pull() {
        Duration t = Duration.ofSeconds(5);
        return new ChartPull(cache(), Map.of(ChartRef.Kind.HTTP_REPOSITORY, new HttpRepository(t), ChartRef.Kind.OCI, new OciRegistry(t),
                ChartRef.Kind.GIT, new GitDirectory()));
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    @Test
    void downloadsFromAnHttpChartRepositoryCheckingTheIndexDigest() throws IOException {
        Path archive = TestCharts.chart("web", "1.0.0").pack(folder("repo"));
        byte[] bytes = Files.readAllBytes(archive);
        String digest = ChartArchive.sha256(bytes).substring("sha256:".length());
        String base = serve(Map.of(
                "/charts/index.yaml", ("apiVersion: v1\nentries:\n  web:\n    - version: 2.0.0\n      urls: [web-2.0.0.tgz]\n"
                        + "    - version: 1.0.0\n      digest: " + digest + "\n      urls: [archives/web-1.0.0.tgz]\n").getBytes(StandardCharsets.UTF_8),
                "/charts/archives/web-1.0.0.tgz", bytes)) + "/charts";
        ChartRef ref = ChartRef.helm(base, "web", "1.0.0");
        ChartPull.Outcome o = pull().pull(List.of(ref), Optional.empty(), ChartLock.empty(), ChartPull.Listener.silent());
        assertThat(o.failed()).isEmpty();
        assertThat(o.pulled()).singleElement().extracting(ChartPull.Pulled::how).isEqualTo(ChartPull.How.DOWNLOADED);
        assertThat(ChartArchive.sha256(cache().path(ref))).isEqualTo("sha256:" + digest);
        // a second pull finds it in the cache and asks nobody
        server.stop(0);
        server = null;
        ChartPull.Outcome again = pull().pull(List.of(ref), Optional.empty(), o.lock(), ChartPull.Listener.silent());
        assertThat(again.pulled()).singleElement().extracting(ChartPull.Pulled::how).isEqualTo(ChartPull.How.CACHED);
    }

    @Test
    void aDownloadWhoseDigestDiffersFromTheIndexIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(TestCharts.chart("web", "1.0.0").pack(folder("repo")));
        String base = serve(Map.of(
                "/index.yaml", "entries:\n  web:\n    - version: 1.0.0\n      digest: 0000\n      urls: [web-1.0.0.tgz]\n".getBytes(StandardCharsets.UTF_8),
                "/web-1.0.0.tgz", bytes));
        ChartPull.Outcome o = pull().pull(List.of(ChartRef.helm(base, "web", "1.0.0")), Optional.empty(), ChartLock.empty(),
                ChartPull.Listener.silent());
        assertThat(o.failed()).singleElement().extracting(ChartPull.Failed::reason).asString()
                .contains("the repository publishes sha256:0000; refusing it");
        assertThat(cache().find(ChartRef.helm(base, "web", "1.0.0"))).isEmpty();
    }

    @Test
    void aVersionTheRepositoryDoesNotListIsNamed() throws IOException {
        String base = serve(Map.of("/index.yaml", "entries:\n  web:\n    - version: 2.0.0\n      urls: [x.tgz]\n".getBytes(StandardCharsets.UTF_8)));
        ChartPull.Outcome o = pull().pull(List.of(ChartRef.helm(base, "web", "1.0.0")), Optional.empty(), ChartLock.empty(),
                ChartPull.Listener.silent());
        assertThat(o.failed()).singleElement().extracting(ChartPull.Failed::reason).asString()
                .isEqualTo(base + "/index.yaml has no version 1.0.0 of web; newest listed: 2.0.0");
    }

    @Test
    void downloadsFromAnOciRegistryWithAnAnonymousToken() throws IOException {
        byte[] bytes = Files.readAllBytes(TestCharts.chart("op", "0.81.1").pack(folder("oci")));
        String digest = ChartArchive.sha256(bytes);
        String manifest = "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"application/vnd.cncf.helm.config.v1+json\"},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.cncf.helm.chart.content.v1.tar+gzip\",\"digest\":\"" + digest + "\",\"size\":" + bytes.length + "}]}";
        List<String> seen = new ArrayList<>();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int port = server.getAddress().getPort();
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().toString();
            seen.add(path);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            byte[] body;
            int status = 200;
            if (path.startsWith("/token")) {
                body = "{\"token\":\"t0k\"}".getBytes(StandardCharsets.UTF_8);
            } else if (!"Bearer t0k".equals(auth)) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://127.0.0.1:" + port
                        + "/token\",service=\"reg\",scope=\"repository:charts/op:pull\"");
                status = 401;
                body = new byte[0];
            } else if (path.equals("/v2/charts/op/manifests/0.81.1")) {
                body = manifest.getBytes(StandardCharsets.UTF_8);
            } else if (path.equals("/v2/charts/op/blobs/" + digest)) {
                body = bytes;
            } else {
                status = 404;
                body = new byte[0];
            }
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        ChartRef ref = ChartRef.helm("oci://127.0.0.1:" + port + "/charts", "op", "0.81.1");
        ChartPull.Outcome o = pull().pull(List.of(ref), Optional.empty(), ChartLock.empty(), ChartPull.Listener.silent());
        assertThat(o.failed()).isEmpty();
        assertThat(o.lock().digest(ref)).contains(digest);
        assertThat(seen).contains("/token?service=reg&scope=repository%3Acharts%2Fop%3Apull", "/v2/charts/op/blobs/" + digest);
    }

    private String serve(Map<String, byte[]> files) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Map<String, byte[]> copy = new HashMap<>(files);
        server.createContext("/", ex -> {
            byte[] body = copy.get(ex.getRequestURI().getPath());
            ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
