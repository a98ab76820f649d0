package dev.strata.sample.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import dev.strata.sample.SampleApp;
import dev.strata.sample.TestConfigs;
import dev.strata.sample.TestHttp;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The service starts before its database exists, stays not-ready, then migrates and serves. */
class DatabaseLateStartIT {

    private SampleApp app;
    private EmbeddedPostgres postgres;

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.shutdown();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void startsWithoutItsDatabaseAndBecomesReadyWhenItAppears() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        app = SampleApp.start(TestConfigs.of(Map.of(
                "database.url", "postgres://postgres@127.0.0.1:" + port + "/postgres",
                "database.connect.timeout.ms", "300",
                "database.health.interval.ms", "200")));
        TestHttp http = new TestHttp(app.port());

        TestHttp.Response notYet = http.get("/ready");
        assertThat(notYet.status()).isEqualTo(503);
        assertThat(notYet.json().path("phase").asText()).isEqualTo("serving");
        assertThat(notYet.json().at("/checks/store/status").asText()).isEqualTo("down");
        assertThat(http.get("/api/v1/items").status()).isEqualTo(503);
        assertThat(http.get("/health").status()).isEqualTo(200);

        postgres = EmbeddedPostgres.builder().setPort(port).start();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(http.get("/ready").status()).isEqualTo(200));
        assertThat(http.post("/api/v1/items", "{\"name\":\"late\"}").status()).isEqualTo(201);
        assertThat(http.get("/api/v1/items").json().path("total").asLong()).isEqualTo(1);
    }
}
