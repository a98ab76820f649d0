package dev.strata.sample.http;

import java.io.UncheckedIOException;

import io.helidon.http.HttpException;
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
        // Helidon's own request errors (e.g. a malformed chunked body) carry their status.
        routing.error(HttpException.class, (req, res, error) -> {
            if (error.status().code() >= 500) {
                req.context().register(new Failure(error));
                Json.sendError(res, internal());
            } else {
                Json.sendError(res, new ApiException(error.status(), "bad_request",
                        "request rejected: " + error.getMessage()));
            }
        });
        // The client went away or sent a broken body: not a server fault.
        routing.error(UncheckedIOException.class, (req, res, error) -> Json.sendError(res,
                ApiException.badRequest("bad_request", "request body could not be read: "
                        + (error.getCause() == null ? error.getMessage() : error.getCause().getMessage()))));
        routing.error(RuntimeException.class, (req, res, error) -> {
            req.context().register(new Failure(error));
            Json.sendError(res, internal());
        });
    }

    private static ApiException internal() {
        return new ApiException(Status.INTERNAL_SERVER_ERROR_500, "internal_error",
                "the request failed inside the service; see the log line with trace_id "
                        + Span.current().getSpanContext().getTraceId());
    }

    /** An unexpected exception raised while handling a request. */
    public record Failure(Throwable error) {
    }
}
