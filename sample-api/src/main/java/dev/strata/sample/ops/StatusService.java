package dev.strata.sample.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.strata.sample.config.AppConfig;
import dev.strata.sample.http.ApiService;
import dev.strata.sample.http.Json;
import dev.strata.sample.http.Routes;

/** {@code GET /status}: name, version, environment, uptime. {@code GET /config}: effective, non-secret settings. */
public final class StatusService implements ApiService {

    private final AppConfig config;
    private final Clock clock;
    private final Instant startedAt;

    public StatusService(AppConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/status", (req, res) -> Json.send(res, status()));
        routes.get("/config", (req, res) -> Json.send(res, config.describe()));
    }

    private Map<String, Object> status() {
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", config.appName());
        body.put("version", config.version());
        body.put("environment", config.environment());
        body.put("started_at", startedAt.toString());
        body.put("uptime_seconds", Duration.between(startedAt, now).toMillis() / 1000.0);
        body.put("timestamp", now.toString());
        return body;
    }
}
