package dev.strata.sample.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

/** Reads a request body as JSON, bounded by the configured limit (413) and checked for syntax (400). */
public final class BodyReader {

    private final long maxBytes;

    public BodyReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public JsonNode readJson(ServerRequest req) {
        byte[] body = readBytes(req);
        if (body.length == 0) {
            throw ApiException.badRequest("empty_body", "request body is empty; send a JSON document");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiException.badRequest("empty_body", "request body is empty; send a JSON document");
            }
            return node;
        } catch (JsonParseException e) {
            throw ApiException.badRequest("invalid_json", "request body is not valid JSON: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid_json", "request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] readBytes(ServerRequest req) {
        OptionalLong declared = req.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            throw tooLarge(declared.getAsLong() + " bytes");
        }
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] buffer = new byte[(int) Math.min(maxBytes + 1, declared.orElse(8192) + 1)];
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    if (length > maxBytes) {
                        throw tooLarge("more than " + maxBytes + " bytes");
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes + 1, (long) buffer.length * 2));
                }
                int read = in.read(buffer, length, buffer.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
            }
            if (length > maxBytes) {
                throw tooLarge("more than " + maxBytes + " bytes");
            }
            return Arrays.copyOf(buffer, length);
        } catch (IOException e) {
            throw new UncheckedIOException("reading request body", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Helidon's entity stream reports a malformed chunked encoding this way.
            throw ApiException.badRequest("bad_request", "request body could not be read: " + e.getMessage());
        }
    }

    private ApiException tooLarge(String size) {
        return new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "body_too_large",
                "request body of " + size + " exceeds the limit of " + maxBytes
                        + " bytes (REQUEST_MAX_BYTES)");
    }
}
