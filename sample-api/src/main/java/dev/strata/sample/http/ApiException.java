package dev.strata.sample.http;

import java.util.Map;

import io.helidon.http.Status;

/**
 * A request the service answers with a JSON error: an HTTP status, a stable machine-readable
 * code and a message for people; extra headers (e.g. {@code Allow}) go with it.
 */
public final class ApiException extends RuntimeException {

    private final Status status;
    private final String code;
    private final Map<String, String> headers;

    public ApiException(Status status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiException(Status status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(Status.BAD_REQUEST_400, code, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(Status.NOT_FOUND_404, "not_found", message);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(Status.SERVICE_UNAVAILABLE_503, "unavailable", message, Map.of("Retry-After", "1"));
    }

    public Status status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
