package dev.strata.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real server (in-memory store) over HTTP: endpoints, errors, metrics, logs. */
public class SampleApiIT {

    private static SampleApp app;
    private static TestHttp http;
    private static LogCapture logs;

    @BeforeAll
    static void start() {
        logs = new LogCapture();
        app = SampleApp.start(TestConfigs.of(Map.of(
                "environment", "test",
                "request.max.bytes", "1024")));
        http = new TestHttp(app.port());
    }

    @AfterAll
    static void stop() {
        app.shutdown();
        logs.close();
    }

    @Test
    void healthIsUpAndReadyWhenServing() {
        TestHttp.Response health = http.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("up");

        TestHttp.Response ready = http.get("/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("ready").asBoolean()).isTrue();
        assertThat(ready.json().at("/checks/store/detail").asText()).isEqualTo("memory");
    }

    @Test
    void statusNamesTheServiceAndCountsUptime() {
        JsonNode status = http.get("/status").json();
        assertThat(status.path("name").asText()).isEqualTo("sample-api");
        assertThat(status.path("environment").asText()).isEqualTo("test");
        assertThat(status.path("version").asText()).isNotBlank();
        assertThat(status.path("uptime_seconds").asDouble()).isGreaterThanOrEqualTo(0.0);
        double first = status.path("uptime_seconds").asDouble();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(http.get("/status").json().path("uptime_seconds").asDouble()).isGreaterThan(first));
    }

    @Test
    void configShowsEffectiveSettings() {
        JsonNode config = http.get("/config").json();
        assertThat(config.path("environment").asText()).isEqualTo("test");
        assertThat(config.path("request_max_bytes").asLong()).isEqualTo(1024);
        assertThat(config.at("/database/mode").asText()).isEqualTo("memory");
        assertThat(config.at("/tracing/otlp_traces_endpoint").asText()).isEqualTo("off");
    }

    @Test
    void echoReturnsTheDocumentItWasSent() {
        TestHttp.Response echo = http.post("/echo", "{\"hello\":[1,2,{\"x\":true}]}");
        assertThat(echo.status()).isEqualTo(200);
        assertThat(echo.header("content-type")).startsWith("application/json");
        assertThat(echo.json().path("data").toString()).isEqualTo("{\"hello\":[1,2,{\"x\":true}]}");
        assertThat(echo.json().path("message").asText()).isEqualTo("echo received");
    }

    @Test
    void invalidJsonIs400WithWhereItBroke() {
        TestHttp.Response response = http.post("/echo", "{\"hello\": ");
        assertJsonError(response, 400, "invalid_json");
        assertThat(response.json().path("message").asText()).contains("line 1");
    }

    @Test
    void emptyBodyIs400() {
        assertJsonError(http.post("/echo", ""), 400, "empty_body");
    }

    @Test
    void unknownRouteIs404() {
        TestHttp.Response response = http.get("/does/not/exist");
        assertJsonError(response, 404, "not_found");
        assertThat(response.json().path("message").asText()).isEqualTo("no route for GET /does/not/exist");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        TestHttp.Response response = http.delete("/status");
        assertJsonError(response, 405, "method_not_allowed");
        assertThat(response.header("allow")).isEqualTo("GET");

        TestHttp.Response items = http.send("PATCH", "/api/v1/items/7", HttpRequest.BodyPublishers.ofString("{}"));
        assertJsonError(items, 405, "method_not_allowed");
        assertThat(items.header("allow")).isEqualTo("GET, PUT, DELETE");
    }

    @Test
    void bodyOverTheLimitIs413WhetherLengthIsDeclaredOrNot() {
        byte[] big = new byte[4096];
        Arrays.fill(big, (byte) ' ');
        big[0] = '[';
        big[big.length - 1] = ']';
        assertJsonError(http.send("POST", "/echo", HttpRequest.BodyPublishers.ofByteArray(big)), 413,
                "body_too_large");
        // No Content-Length: chunked transfer, counted while reading.
        assertJsonError(http.send("POST", "/echo",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))), 413, "body_too_large");
    }

    @Test
    void malformedRequestLineGetsJsonErrorFromTheServer() throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET /status HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readNBytes(400), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).contains("application/json").contains("\"error\":\"bad_request\"");
            assertThat(response).doesNotContain("\tat ");
        }
    }

    @Test
    void brokenChunkedBodyIs400Json() throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readNBytes(300), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).contains("application/json").contains("\"error\":\"bad_request\"");
            assertThat(response).doesNotContain("\tat ");
        }
    }

    @Test
    void metricsCountRequestsByRouteAndStatusWithLatencyHistogram() {
        for (int i = 0; i < 3; i++) {
            http.get("/status");
        }
        http.get("/nowhere");
        String metrics = http.get("/metrics").body();
        assertThat(counter(metrics, "GET", "/status", "200")).isGreaterThanOrEqualTo(3);
        assertThat(counter(metrics, "GET", "unmatched", "404")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("# TYPE http_server_requests_seconds histogram");
        assertThat(metrics).containsPattern(
                "http_server_requests_seconds_bucket\\{[^}]*method=\"GET\",route=\"/status\",status=\"200\"[^}]*le=\"0\\.005\"}");
        assertThat(metrics).contains("jvm_memory_used_bytes{").contains("jvm_threads_live_threads")
                .contains("process_uptime_seconds");
        assertThat(metrics).doesNotContain("route=\"/nowhere\"");
    }

    @Test
    void logLinesAreJsonWithRouteStatusDurationAndTheCallersTraceId() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String parentSpan = "00f067aa0ba902b7";
        http.get("/api/v1/items/12345", Map.of("traceparent", "00-" + traceId + "-" + parentSpan + "-01"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(logs.records())
                .anyMatch(line -> traceId.equals(line.path("trace_id").asText())));
        JsonNode line = logs.records().stream()
                .filter(record -> traceId.equals(record.path("trace_id").asText())).findFirst().orElseThrow();
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("message").asText()).isEqualTo("request");
        assertThat(line.path("route").asText()).isEqualTo("/api/v1/items/{id}");
        assertThat(line.path("status").asInt()).isEqualTo(404);
        assertThat(line.path("duration_ms").isNumber()).isTrue();
        assertThat(line.path("span_id").asText()).matches("[0-9a-f]{16}").isNotEqualTo(parentSpan);

        // Without a caller's trace, the service starts one.
        http.get("/health");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(logs.records())
                .anyMatch(record -> "/health".equals(record.path("route").asText())
                        && record.path("trace_id").asText().matches("[0-9a-f]{32}")
                        && !record.path("trace_id").asText().equals("0".repeat(32))));
    }

    @Test
    void itemsCanBeCreatedReadListedUpdatedAndDeletedInMemory() {
        ItemsContract.exercise(http);
    }

    public static void assertJsonError(TestHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/json");
        assertThat(response.json().path("error").asText()).isEqualTo(code);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    static double counter(String metrics, String method, String route, String status) {
        Pattern pattern = Pattern.compile("http_server_requests_seconds_count\\{[^}]*method=\"" + Pattern.quote(method)
                + "\",route=\"" + Pattern.quote(route) + "\",status=\"" + status + "\"} (\\S+)");
        Matcher matcher = pattern.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
