package dev.strata.sample.ops;

import dev.strata.sample.http.ApiService;
import dev.strata.sample.http.Routes;

import io.helidon.http.HeaderNames;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code GET /metrics}: every meter in Prometheus text exposition format 0.0.4. */
public final class MetricsService implements ApiService {

    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsService(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/metrics", (req, res) -> res.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE)
                .send(registry.scrape()));
    }
}
