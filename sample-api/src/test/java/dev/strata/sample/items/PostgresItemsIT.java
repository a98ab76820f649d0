package dev.strata.sample.items;

import static dev.strata.sample.SampleApiIT.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import dev.strata.sample.ItemsContract;
import dev.strata.sample.OtlpReceiver;
import dev.strata.sample.SampleApp;
import dev.strata.sample.TestConfigs;
import dev.strata.sample.TestHttp;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Items persisted in a real PostgreSQL server that the test starts, stops and restarts under the
 * running service; traces exported over OTLP to a receiver on loopback.
 */
class PostgresItemsIT {

    private static Path dataDir;
    private static EmbeddedPostgres postgres;
    private static int pgPort;
    private static OtlpReceiver collector;
    private static SampleApp app;
    private static TestHttp http;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("sample-api-pg");
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
        pgPort = postgres.getPort();
        collector = new OtlpReceiver();
        app = SampleApp.start(TestConfigs.of(Map.of(
                "database.url", "postgres://postgres:secret-pw@127.0.0.1:" + pgPort + "/postgres",
                "database.connect.timeout.ms", "500",
                "database.health.interval.ms", "200",
                "database.pool.max", "4",
                "otel.exporter.otlp.endpoint", collector.endpoint(),
                "otel.bsp.schedule.delay", "100")));
        http = new TestHttp(app.port());
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.shutdown();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void itemsArePersistedAndTheSchemaIsMigratedAtStartUp() throws Exception {
        assertThat(http.get("/ready").status()).isEqualTo(200);
        ItemsContract.exercise(http);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT (SELECT max(version) FROM schema_migrations), (SELECT count(*) FROM items)")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getLong(2)).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void configShowsTheDatabaseWithoutItsPassword() {
        TestHttp.Response config = http.get("/config");
        assertThat(config.body()).doesNotContain("secret-pw");
        assertThat(config.json().at("/database/mode").asText()).isEqualTo("postgresql");
        assertThat(config.json().at("/database/url").asText())
                .isEqualTo("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres");
        assertThat(config.json().at("/database/password_set").asBoolean()).isTrue();
    }

    @Test
    void poolMetricsAreExposed() {
        http.get("/api/v1/items");
        assertThat(http.get("/metrics").body())
                .contains("hikaricp_connections_active{")
                .contains("pool=\"items\"");
    }

    @Test
    void serverAndDatabaseSpansAreExportedWithTheCallersTraceId() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        TestHttp.Response created = http.send(http.request("/api/v1/items")
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"traced\"}")).build());
        assertThat(created.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(collector.received(OtlpReceiver.hex(traceId))).isTrue();
            assertThat(collector.received("POST /api/v1/items")).as("server span").isTrue();
            assertThat(collector.received("INSERT items")).as("database span").isTrue();
        });
    }

    @Test
    void databaseOutageMakesReadyFalseAndRequestsFailFastThenRecoversByItself() throws IOException {
        long id = http.post("/api/v1/items", "{\"name\":\"survivor\"}").json().path("id").asLong();

        postgres.close();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            TestHttp.Response ready = http.get("/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().at("/checks/store/status").asText()).isEqualTo("down");
        });
        long begin = System.nanoTime();
        TestHttp.Response during = http.get("/api/v1/items/" + id);
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(1));
        assertJsonError(during, 503, "unavailable");
        assertThat(during.header("retry-after")).isEqualTo("1");
        assertJsonError(http.post("/api/v1/items", "{\"name\":\"lost\"}"), 503, "unavailable");
        assertThat(http.get("/health").status()).as("liveness is not tied to the database").isEqualTo(200);

        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setPort(pgPort).start();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(http.get("/ready").status()).isEqualTo(200));
        TestHttp.Response after = http.get("/api/v1/items/" + id);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().path("name").asText()).isEqualTo("survivor");
    }
}
