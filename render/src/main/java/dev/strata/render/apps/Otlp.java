package dev.strata.render.apps;

import dev.strata.render.RenderContext;

import java.util.Optional;

/**
 * Where the app sends its traces. The sample API exports OTLP over HTTP (its
 * OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) base URL; it appends /v1/traces), so the target is
 * the collector's OTLP/HTTP port 4318, not the gRPC 4317 of Tempo's receiver the mesh uses.
 * Alloy is preferred when installed: its River config (catalog entry alloy) receives OTLP on 4317
 * and 4318 and batches spans to Tempo; without Alloy the app writes to Tempo's own OTLP/HTTP
 * receiver on 4318 (catalog entry tempo).
 *
 * @param service the collector's Service name in the observability stack's namespace
 * @param url     the collector's OTLP/HTTP base URL
 */
record Otlp(String service, int port, String url) {

    static final int OTLP_HTTP_PORT = 4318;

    static Optional<Otlp> of(RenderContext ctx) {
        Optional<String> service = ctx.facts().enabled("alloy") ? Optional.of("alloy")
                : ctx.facts().enabled("tempo") ? Optional.of("tempo") : Optional.empty();
        return service.map(s -> new Otlp(s, OTLP_HTTP_PORT, ctx.facts().observability().serviceUrl(s, OTLP_HTTP_PORT)));
    }
}
