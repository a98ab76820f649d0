package dev.strata.cluster.verify.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/** Reads a probe's JSON body; empty when it is not JSON (an HTML error page, a proxy message). */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static Optional<JsonNode> parse(String body) {
        try {
            return Optional.of(MAPPER.readTree(body));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
