package dev.strata.sample.http;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.strata.sample.telemetry.LogFields;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Around every request: a SERVER span (continuing a W3C {@code traceparent}), the request
 * histogram and one JSON access log line. Exceptions are answered by {@link ErrorResponses};
 * anything that still escapes is turned into a JSON error here, so a user never sees a stack
 * trace.
 */
public final class HttpTelemetryFilter implements Filter {

    private static final Logger ACCESS = Logger.getLogger("access");
    private static final Logger LOG = Logger.getLogger(HttpTelemetryFilter.class.getName());
    private static final TextMapGetter<ServerRequestHeaders> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ServerRequestHeaders carrier) {
            return carrier.stream().map(header -> header.name()).toList();
        }

        @Override
        public String get(ServerRequestHeaders carrier, String key) {
            if (carrier == null) {
                return null;
            }
            HeaderName name = HeaderNames.create(key);
            return carrier.contains(name) ? carrier.get(name).get() : null;
        }
    };

    private final Tracer tracer;
    private final ContextPropagators propagators;
    private final RequestMetrics metrics;
    private final boolean accessLog;

    public HttpTelemetryFilter(Tracer tracer, ContextPropagators propagators, RequestMetrics metrics,
                               boolean accessLog) {
        this.tracer = tracer;
        this.propagators = propagators;
        this.metrics = metrics;
        this.accessLog = accessLog;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        String method = req.prologue().method().text();
        Context parent = propagators.getTextMapPropagator().extract(Context.root(), req.headers(), HEADERS);
        Span span = tracer.spanBuilder(method)
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", method)
                .setAttribute("url.path", req.path().path())
                .setAttribute("url.scheme", req.isSecure() ? "https" : "http")
                .startSpan();
        Throwable failure = null;
        try (Scope ignored = span.makeCurrent()) {
            try {
                chain.proceed();
            } catch (ApiException e) {
                respond(res, e);
            } catch (UncheckedIOException e) {
                failure = e;
                respond(res, new ApiException(Status.BAD_REQUEST_400, "bad_request",
                        "request could not be read: " + e.getMessage()));
            } catch (RuntimeException e) {
                failure = e;
                respond(res, new ApiException(Status.INTERNAL_SERVER_ERROR_500, "internal_error",
                        "the request failed inside the service; see the log line with trace_id "
                                + span.getSpanContext().getTraceId()));
            }
            if (failure == null) {
                failure = req.context().get(ErrorResponses.Failure.class).map(ErrorResponses.Failure::error)
                        .orElse(null);
            }
            int status = res.status().code();
            String route = route(req);
            long nanos = System.nanoTime() - start;
            span.updateName(FallbackHandler.UNMATCHED.equals(route) ? method : method + " " + route);
            span.setAttribute("http.route", route);
            span.setAttribute("http.response.status_code", status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            if (failure != null) {
                span.recordException(failure);
            }
            metrics.record(method, route, status, nanos);
            log(method, req.path().path(), route, status, nanos, span.getSpanContext(), failure);
        } finally {
            span.end();
        }
    }

    private static void respond(RoutingResponse res, ApiException error) {
        if (!res.isSent()) {
            res.headers().clear();
            Json.sendError(res, error);
        }
    }

    private static String route(RoutingRequest req) {
        return req.context().get(FallbackHandler.RouteLabel.class).map(FallbackHandler.RouteLabel::value)
                .or(req::matchingPattern)
                .orElse(FallbackHandler.UNMATCHED);
    }

    private void log(String method, String path, String route, int status, long nanos, SpanContext span,
                     Throwable failure) {
        Level level = failure != null ? Level.SEVERE : Level.INFO;
        Logger logger = failure != null ? LOG : ACCESS;
        if (!(accessLog || failure != null) || !logger.isLoggable(level)) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("trace_id", span.getTraceId());
        fields.put("span_id", span.getSpanId());
        fields.put("method", method);
        fields.put("path", path);
        fields.put("route", route);
        fields.put("status", status);
        fields.put("duration_ms", Math.round(nanos / 10_000.0) / 100.0);
        LogRecord record = new LogRecord(level, failure != null ? "request failed" : "request");
        record.setLoggerName(logger.getName());
        record.setParameters(new Object[] {LogFields.of(fields)});
        record.setThrown(failure);
        logger.log(record);
    }
}
