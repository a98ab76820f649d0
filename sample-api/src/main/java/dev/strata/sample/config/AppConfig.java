package dev.strata.sample.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/**
 * Effective configuration of the sample API. Environment variables win over the optional YAML
 * file ({@code CONFIG_FILE}, default {@code /etc/sample-api/config.yaml}); an environment
 * variable {@code FOO_BAR} is the key {@code foo.bar}. Every key is listed in README.md.
 */
public record AppConfig(String host, int port, String appName, String version, String environment,
                        String logLevel, boolean accessLog, long maxRequestBytes, Duration drainDelay,
                        Duration shutdownGrace, Optional<DatabaseSettings> database, TracingSettings tracing) {

    public static final String DEFAULT_CONFIG_FILE = "/etc/sample-api/config.yaml";

    public AppConfig {
        if (port < 0 || port > 65535) {
            throw new SampleApiConfigException("port (PORT): " + port + " is not a TCP port; use 0-65535");
        }
        if (maxRequestBytes < 1) {
            throw new SampleApiConfigException("request.max.bytes (REQUEST_MAX_BYTES): " + maxRequestBytes
                    + " must be positive");
        }
    }

    /** Reads environment variables and, when it exists, the YAML file named by {@code CONFIG_FILE}. */
    public static AppConfig load() {
        String file = Optional.ofNullable(System.getenv("CONFIG_FILE")).orElse(DEFAULT_CONFIG_FILE);
        var builder = Config.builder()
                .disableSystemPropertiesSource()
                .disableEnvironmentVariablesSource()
                .addSource(ConfigSources.environmentVariables());
        if (Files.isRegularFile(Path.of(file))) {
            builder.addSource(ConfigSources.file(Path.of(file)));
        } else if (System.getenv("CONFIG_FILE") != null) {
            throw new SampleApiConfigException("CONFIG_FILE: " + file + " does not exist or is not a file");
        }
        return from(builder.build());
    }

    /** Builds the configuration from any Helidon config tree (tests pass a map). */
    public static AppConfig from(Config config) {
        String appName = text(config, "app.name", "sample-api");
        return new AppConfig(
                text(config, "host", "0.0.0.0"),
                integer(config, "port", 8080),
                appName,
                text(config, "app.version", defaultVersion()),
                text(config, "environment", "dev"),
                logLevel(text(config, "log.level", "INFO")),
                bool(config, "log.access", true),
                longValue(config, "request.max.bytes", 1_048_576L),
                Duration.ofMillis(longValue(config, "shutdown.drain.ms", 0L)),
                Duration.ofMillis(longValue(config, "shutdown.grace.ms", 10_000L)),
                database(config),
                tracing(config, appName));
    }

    private static Optional<DatabaseSettings> database(Config config) {
        Optional<String> url = optionalText(config, "database.url");
        Optional<String> host = optionalText(config, "database.host");
        if (url.isEmpty() && host.isEmpty()) {
            return Optional.empty();
        }
        DatabaseSettings.Parsed parsed = url.map(DatabaseSettings::parseUrl).orElseGet(() ->
                new DatabaseSettings.Parsed("jdbc:postgresql://" + host.orElseThrow() + ":"
                        + integer(config, "database.port", 5432) + "/" + text(config, "database.name", "postgres"),
                        "", ""));
        String user = optionalText(config, "database.user").orElse(parsed.user());
        String password = optionalText(config, "database.password").orElse(parsed.password());
        return Optional.of(new DatabaseSettings(parsed.jdbcUrl(), user.isEmpty() ? "postgres" : user, password,
                integer(config, "database.pool.max", 10),
                Duration.ofMillis(longValue(config, "database.connect.timeout.ms", 1_000L)),
                Duration.ofMillis(longValue(config, "database.health.interval.ms", 2_000L))));
    }

    private static TracingSettings tracing(Config config, String appName) {
        Optional<URI> endpoint = optionalText(config, "otel.exporter.otlp.traces.endpoint").map(URI::create)
                .or(() -> optionalText(config, "otel.exporter.otlp.endpoint")
                        .map(base -> URI.create(base.replaceAll("/+$", "") + "/v1/traces")));
        endpoint.ifPresent(uri -> {
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new SampleApiConfigException("otel.exporter.otlp.endpoint (OTEL_EXPORTER_OTLP_ENDPOINT): \""
                        + uri + "\" is not an http(s) URL; use e.g. http://tempo.monitoring:4318");
            }
        });
        return new TracingSettings(text(config, "otel.service.name", appName), endpoint,
                parse(config, "otel.traces.sampler.arg", 1.0, Double::parseDouble, "a number from 0.0 to 1.0"),
                Duration.ofMillis(longValue(config, "otel.bsp.schedule.delay", 5_000L)));
    }

    /** Non-secret view for {@code GET /config}. */
    public Map<String, Object> describe() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("app_name", appName);
        view.put("version", version);
        view.put("environment", environment);
        view.put("host", host);
        view.put("port", port);
        view.put("log_level", logLevel);
        view.put("log_access", accessLog);
        view.put("request_max_bytes", maxRequestBytes);
        view.put("shutdown_drain_ms", drainDelay.toMillis());
        view.put("shutdown_grace_ms", shutdownGrace.toMillis());
        view.put("database", database.map(DatabaseSettings::describe).orElse(Map.of("mode", "memory")));
        view.put("tracing", tracing.describe());
        return view;
    }

    public AppConfig withPort(int newPort) {
        return new AppConfig(host, newPort, appName, version, environment, logLevel, accessLog, maxRequestBytes,
                drainDelay, shutdownGrace, database, tracing);
    }

    private static String defaultVersion() {
        return Optional.ofNullable(AppConfig.class.getPackage().getImplementationVersion()).orElse("dev");
    }

    private static String logLevel(String value) {
        String upper = value.trim().toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR" -> upper.equals("WARNING") ? "WARN" : upper;
            default -> throw new SampleApiConfigException("log.level (LOG_LEVEL): \"" + value
                    + "\" is not a level; use one of TRACE, DEBUG, INFO, WARN, ERROR");
        };
    }

    private static Optional<String> optionalText(Config config, String key) {
        return config.get(key).asString().asOptional().map(String::trim).filter(s -> !s.isEmpty());
    }

    private static String text(Config config, String key, String fallback) {
        return optionalText(config, key).orElse(fallback);
    }

    private static int integer(Config config, String key, int fallback) {
        return parse(config, key, fallback, Integer::parseInt, "a whole number");
    }

    private static long longValue(Config config, String key, long fallback) {
        return parse(config, key, fallback, Long::parseLong, "a whole number");
    }

    private static boolean bool(Config config, String key, boolean fallback) {
        return parse(config, key, fallback, value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(value);
        }, "true or false");
    }

    private static <T> T parse(Config config, String key, T fallback, Function<String, T> parser, String expected) {
        Optional<String> raw = optionalText(config, key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return parser.apply(raw.get());
        } catch (RuntimeException e) {
            throw new SampleApiConfigException(key + " (" + key.toUpperCase(Locale.ROOT).replace('.', '_') + "): \""
                    + raw.get() + "\" is not " + expected);
        }
    }
}
