package dev.strata.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as operators run it: {@code java -jar target/sample-api.jar}, configured by
 * environment variables, against PostgreSQL, logging JSON to stdout, and stopped with SIGTERM
 * while a request is in flight.
 */
class ProcessIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path JAR = Path.of("target", "sample-api.jar");

    private Path stdoutFile;
    private Path stderrFile;
    private Process process;
    private EmbeddedPostgres postgres;

    @AfterEach
    void cleanUp() throws IOException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void sigtermDrainsFinishesTheInFlightRequestAndExits() throws Exception {
        assertThat(JAR).as("run after the package phase").exists();
        stdoutFile = Files.createTempFile("sample-api-stdout", ".log");
        stderrFile = Files.createTempFile("sample-api-stderr", ".log");
        postgres = EmbeddedPostgres.builder().start();
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(javaBin, "-XX:MaxRAM=512m", "-XX:MaxRAMPercentage=60", "-jar",
                JAR.toString()).redirectOutput(stdoutFile.toFile()).redirectError(stderrFile.toFile());
        builder.environment().put("HOST", "127.0.0.1");
        builder.environment().put("PORT", "0");
        builder.environment().put("ENVIRONMENT", "ci");
        builder.environment().put("REQUEST_MAX_BYTES", "2048");
        builder.environment().put("SHUTDOWN_DRAIN_MS", "1500");
        builder.environment().put("SHUTDOWN_GRACE_MS", "10000");
        builder.environment().put("DATABASE_URL", "postgres://postgres@127.0.0.1:" + postgres.getPort() + "/postgres");
        builder.environment().put("CONFIG_FILE", writeConfigFile().toString());
        long started = System.nanoTime();
        process = builder.start();

        JsonNode listening = await().atMost(Duration.ofSeconds(30)).alias("a 'listening' line on stdout")
                .until(() -> stdoutRecords().stream().filter(r -> "listening".equals(r.path("message").asText()))
                        .findFirst(), java.util.Optional::isPresent).orElseThrow();
        int port = listening.path("port").asInt();
        TestHttp http = new TestHttp(port);
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/ready").status() == 200);
        Duration startup = Duration.ofNanos(System.nanoTime() - started);

        // Configuration from environment variables and the file (environment wins).
        JsonNode config = http.get("/config").json();
        assertThat(config.path("environment").asText()).isEqualTo("ci");
        assertThat(config.path("request_max_bytes").asLong()).isEqualTo(2048);
        assertThat(config.path("log_access").asBoolean()).isFalse();
        assertThat(config.path("app_name").asText()).isEqualTo("from-file");
        assertThat(config.at("/database/mode").asText()).isEqualTo("postgresql");
        assertThat(http.post("/api/v1/items", "{\"name\":\"packaged\"}").status()).isEqualTo(201);

        try (Socket slow = new Socket("127.0.0.1", port)) {
            slow.setSoTimeout(15_000);
            OutputStream out = slow.getOutputStream();
            String body = "{\"slow\":\"upload\"}";
            out.write(("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 5))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            process.destroy(); // SIGTERM
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                TestHttp.Response ready = http.get("/ready");
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.json().path("phase").asText()).isEqualTo("draining");
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> refusesConnections(port));

            out.write(body.substring(5).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(slow.getInputStream().readNBytes(400), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200").contains("\"slow\":\"upload\"");
        }
        assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("exits within the grace period").isTrue();
        assertThat(process.exitValue()).isEqualTo(143);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(stdoutRecords())
                .anyMatch(r -> "stopped".equals(r.path("message").asText())));
        assertThat(stdout()).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        assertThat(startup).as("start-up to first ready response, including JVM start").isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void invalidConfigurationExitsWith2AndSaysWhichKey() throws Exception {
        stdoutFile = Files.createTempFile("sample-api-stdout", ".log");
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(javaBin, "-jar", JAR.toString())
                .redirectOutput(stdoutFile.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PORT", "eighty");
        process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        JsonNode line = stdoutRecords().getFirst();
        assertThat(line.path("level").asText()).isEqualTo("ERROR");
        assertThat(line.path("message").asText())
                .isEqualTo("invalid configuration: port (PORT): \"eighty\" is not a whole number");
        assertThat(stdout()).hasSize(1);
    }

    private Path writeConfigFile() throws IOException {
        Path file = Files.createTempFile("sample-api", ".yaml");
        Files.writeString(file, """
                app:
                  name: from-file
                environment: from-file
                log:
                  access: false
                """);
        return file;
    }

    private List<String> stdout() throws IOException {
        return Files.readAllLines(stdoutFile, StandardCharsets.UTF_8);
    }

    private List<JsonNode> stdoutRecords() throws IOException {
        return stdout().stream().filter(line -> line.endsWith("}")).map(line -> {
            try {
                return MAPPER.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("stdout line is not JSON: " + line, e);
            }
        }).toList();
    }

    private static boolean refusesConnections(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }
}
