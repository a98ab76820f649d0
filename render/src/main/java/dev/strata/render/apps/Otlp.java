package dev.strata.render.apps;

import dev.strata.plan.facts.PlatformFacts;
import dev.strata.render.RenderContext;

import java.util.Optional;

/**
 * Where the app sends its traces. The sample API exports OTLP over HTTP (its
 * OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) base URL; it appends /v1/traces), so the target is
 * the collector's OTLP/HTTP port 4318, not the gRPC 4317 of {@link RenderContext#tempoOtlpGrpc()}.
 * Alloy is preferred when installed: its River config (catalog entry alloy) receives OTLP on 4317
 * and 4318 and batches spans to Tempo; without Alloy the app writes to Tempo's own OTLP/HTTP
 * receiver on 4318 (catalog entry tempo).
 *
 * @param service the collector's Service name in the monitoring namespace
 */
record Otlp(String service, int port) {

    static final int OTLP_HTTP_PORT = 4318;

    static Optional<Otlp> of(RenderContext ctx) {
        if (ctx.enabled("alloy")) {
            return Optional.of(new Otlp("alloy", OTLP_HTTP_PORT));
        }
        if (ctx.enabled("tempo")) {
            return Optional.of(new Otlp("tempo", OTLP_HTTP_PORT));
        }
        return Optional.empty();
    }

    String url() {
        return "http://" + service + "." + PlatformFacts.MONITORING_NAMESPACE + ".svc.cluster.local:" + port;
    }
}
