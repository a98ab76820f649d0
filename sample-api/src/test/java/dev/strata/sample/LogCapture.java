package dev.strata.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.strata.sample.telemetry.JsonLineHandler;

/** Captures the JSON lines the service logs (the same handler and formatter as stdout). */
public final class LogCapture implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final JsonLineHandler handler = new JsonLineHandler(out);

    public LogCapture() {
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
        Logger.getLogger("").setLevel(Level.INFO);
    }

    public List<String> lines() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Every captured line parsed as JSON; fails if any line is not a JSON object. */
    public List<JsonNode> records() {
        List<JsonNode> records = new ArrayList<>();
        for (String line : lines()) {
            try {
                JsonNode node = MAPPER.readTree(line);
                if (!node.isObject()) {
                    throw new AssertionError("log line is not a JSON object: " + line);
                }
                records.add(node);
            } catch (IOException e) {
                throw new UncheckedIOException("log line is not JSON: " + line, e);
            }
        }
        return records;
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
