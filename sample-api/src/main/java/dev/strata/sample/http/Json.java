package dev.strata.sample.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON encoding of responses, shared by every service. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Header CONTENT_TYPE = HeaderValues.createCached(HeaderNames.CONTENT_TYPE,
            "application/json");

    private Json() {
    }

    /** Loads and links Jackson's serializers ahead of the first request (start-up runs it in parallel). */
    public static void warmUp() {
        try {
            MAPPER.readTree(MAPPER.writeValueAsBytes(Map.of("warm", List.of(1, "up", true))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void send(ServerResponse res, Status status, Object body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode response as JSON: " + e.getOriginalMessage(), e);
        }
        res.status(status).header(CONTENT_TYPE).send(bytes);
    }

    public static void send(ServerResponse res, Object body) {
        send(res, Status.OK_200, body);
    }

    /** The body of every error response: {@code {"error": code, "message": text, "status": n}}. */
    public static Map<String, Object> error(Status status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        body.put("status", status.code());
        return body;
    }

    public static byte[] errorBytes(Status status, String code, String message) {
        try {
            return MAPPER.writeValueAsBytes(error(status, code, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void sendError(ServerResponse res, ApiException error) {
        error.headers().forEach(res::header);
        send(res, error.status(), error(error.status(), error.code(), error.getMessage()));
    }
}
