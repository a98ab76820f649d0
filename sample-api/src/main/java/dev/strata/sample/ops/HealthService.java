package dev.strata.sample.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.strata.sample.http.ApiService;
import dev.strata.sample.http.Json;
import dev.strata.sample.http.Routes;
import dev.strata.sample.items.ItemStore;
import dev.strata.sample.items.StoreHealth;
import dev.strata.sample.lifecycle.Readiness;

import io.helidon.http.Status;

/**
 * {@code GET /health}: the process is alive (liveness). {@code GET /ready}: it should get traffic
 * (readiness) — false while starting, while draining for shutdown, or when the store is down.
 */
public final class HealthService implements ApiService {

    private final Readiness readiness;
    private final ItemStore store;

    public HealthService(Readiness readiness, ItemStore store) {
        this.readiness = readiness;
        this.store = store;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/health", (req, res) -> Json.send(res, Map.of("status", "up")));
        routes.get("/ready", (req, res) -> {
            Readiness.Phase phase = readiness.phase();
            StoreHealth storeHealth = store.health();
            boolean ready = phase == Readiness.Phase.SERVING && storeHealth.up();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ready", ready);
            body.put("phase", phase.name().toLowerCase());
            body.put("checks", Map.of("store", Map.of(
                    "status", storeHealth.up() ? "up" : "down",
                    "detail", storeHealth.detail())));
            Json.send(res, ready ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, body);
        });
    }
}
