package dev.strata.sample.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import dev.strata.sample.TestConfigs;

import org.junit.jupiter.api.Test;

class AppConfigTest {

    @Test
    void defaultsNeedNothing() {
        AppConfig config = TestConfigs.of(Map.of("host", "0.0.0.0", "port", "8080"));
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.database()).isEmpty();
        assertThat(config.tracing().otlpTracesEndpoint()).isEmpty();
        assertThat(config.tracing().sampleRatio()).isEqualTo(1.0);
        assertThat(config.maxRequestBytes()).isEqualTo(1_048_576);
        assertThat(config.describe()).containsEntry("database", Map.of("mode", "memory"));
    }

    @Test
    void postgresUrlBecomesJdbcWithCredentialsSplitOut() {
        DatabaseSettings db = TestConfigs.of(Map.of("database.url",
                "postgres://app:p%40ss@db.data.svc:6543/items?sslmode=require")).database().orElseThrow();
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.data.svc:6543/items?sslmode=require");
        assertThat(db.user()).isEqualTo("app");
        assertThat(db.password()).isEqualTo("p@ss");
        assertThat(db.describe().toString()).doesNotContain("p@ss").doesNotContain("p%40ss");
        assertThat(db.toString()).doesNotContain("p@ss");
    }

    @Test
    void databaseFromSeparateSettings() {
        DatabaseSettings db = TestConfigs.of(Map.of("database.host", "pg", "database.name", "items",
                "database.user", "svc", "database.password", "pw")).database().orElseThrow();
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://pg:5432/items");
        assertThat(db.user()).isEqualTo("svc");
        assertThat(db.password()).isEqualTo("pw");
    }

    @Test
    void jdbcUrlPasswordsAreRedactedInTheView() {
        DatabaseSettings db = TestConfigs.of(Map.of("database.url",
                "jdbc:postgresql://pg/items?user=a&password=hunter2")).database().orElseThrow();
        assertThat(db.describe().get("url")).isEqualTo("jdbc:postgresql://pg/items?user=a&password=***");
    }

    @Test
    void otlpBaseEndpointGetsTheTracesPath() {
        AppConfig config = TestConfigs.of(Map.of("otel.exporter.otlp.endpoint", "http://tempo:4318/",
                "otel.traces.sampler.arg", "0.25"));
        assertThat(config.tracing().otlpTracesEndpoint()).contains(URI.create("http://tempo:4318/v1/traces"));
        assertThat(config.tracing().sampleRatio()).isEqualTo(0.25);
    }

    @Test
    void badValuesNameTheKeyTheVariableAndWhatIsExpected() {
        assertThatThrownBy(() -> TestConfigs.of(Map.of("port", "eighty")))
                .isInstanceOf(SampleApiConfigException.class)
                .hasMessage("port (PORT): \"eighty\" is not a whole number");
        assertThatThrownBy(() -> TestConfigs.of(Map.of("otel.traces.sampler.arg", "2")))
                .hasMessageContaining("OTEL_TRACES_SAMPLER_ARG").hasMessageContaining("0.0 to 1.0");
        assertThatThrownBy(() -> TestConfigs.of(Map.of("database.url", "mysql://u:secret@h/db")))
                .hasMessageContaining("DATABASE_URL").hasMessageContaining("not a PostgreSQL URL")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> TestConfigs.of(Map.of("log.level", "LOUD")))
                .hasMessageContaining("use one of TRACE, DEBUG, INFO, WARN, ERROR");
        assertThatThrownBy(() -> TestConfigs.of(Map.of("otel.exporter.otlp.endpoint", "tempo:4318")))
                .hasMessageContaining("is not an http(s) URL");
    }
}
