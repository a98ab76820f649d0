package dev.strata.sample.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Answers the requests Helidon rejects before routing (malformed request line or headers, too
 * large prologue) with the same JSON error shape as the routes, and no stack trace.
 */
public final class JsonDirectHandler implements DirectHandler {

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        String code = status.code() == 413 ? "body_too_large" : status.code() >= 500 ? "internal_error" : "bad_request";
        String text = status.code() >= 500 ? "the server could not process the request"
                : "request rejected: " + (message == null || message.isBlank() ? status.reasonPhrase() : message);
        headers.set(HeaderNames.CONTENT_TYPE, "application/json");
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .entity(Json.errorBytes(status, code, text))
                .keepAlive(eventType.keepAlive())
                .build();
    }
}
