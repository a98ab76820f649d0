package dev.strata.sample.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {

    private final JsonLogFormatter formatter = new JsonLogFormatter();

    @Test
    void oneJsonObjectPerLineWithFieldsInOrderAndTextEscaped() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("trace_id", "0af7651916cd43dd8448eb211c80319c");
        fields.put("route", "/api/v1/items/{id}");
        fields.put("status", 404);
        fields.put("duration_ms", 1.25);
        LogRecord record = new LogRecord(Level.WARNING, "quote \" backslash \\ newline \n tab \t bell \u0007 done");
        record.setLoggerName("access");
        record.setParameters(new Object[] {LogFields.of(fields)});

        String line = formatter.format(record);
        assertThat(line).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
        assertThat(line).contains("\"trace_id\":\"0af7651916cd43dd8448eb211c80319c\",\"route\"");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("level").asText()).isEqualTo("WARN");
        assertThat(json.path("message").asText())
                .isEqualTo("quote \" backslash \\ newline \n tab \t bell \u0007 done");
        assertThat(json.path("status").isInt()).isTrue();
        assertThat(json.path("duration_ms").asDouble()).isEqualTo(1.25);
    }

    @Test
    void exceptionsGoIntoFieldsNotExtraLines() throws Exception {
        LogRecord record = new LogRecord(Level.SEVERE, "request failed");
        record.setThrown(new IllegalStateException("boom"));
        String line = formatter.format(record);
        assertThat(line).hasLineCount(1);
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("level").asText()).isEqualTo("ERROR");
        assertThat(json.path("error").asText()).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(json.path("stack").asText()).contains("JsonLogFormatterTest");
    }
}
