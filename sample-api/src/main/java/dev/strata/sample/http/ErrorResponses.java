package dev.strata.sample.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.opentelemetry.api.trace.Span;

/**
 * Helidon's error handlers for the routes: an {@link ApiException} becomes its JSON error; any
 * other exception becomes a JSON 500 naming the trace id to look up, and is handed to the
 * telemetry filter (request context) to be logged with its stack trace — never sent to the client.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, (req, res, error) -> Json.sendError(res, error));
        routing.error(RuntimeException.class, (req, res, error) -> {
            req.context().register(new Failure(error));
            Json.sendError(res, new ApiException(Status.INTERNAL_SERVER_ERROR_500, "internal_error",
                    "the request failed inside the service; see the log line with trace_id "
                            + Span.current().getSpanContext().getTraceId()));
        });
    }

    /** An unexpected exception raised while handling a request. */
    public record Failure(Throwable error) {
    }
}
