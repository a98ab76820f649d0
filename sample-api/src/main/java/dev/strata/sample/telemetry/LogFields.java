package dev.strata.sample.telemetry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured fields attached to one log record (as its only parameter); the JSON formatter
 * writes them as top-level keys beside level and message, in the order given.
 */
public record LogFields(Map<String, Object> values) {

    public LogFields {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static LogFields of(Map<String, Object> values) {
        return new LogFields(values);
    }
}
