package dev.strata.sample.telemetry;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * One JSON object per record: {@code ts}, {@code level}, {@code logger}, {@code message},
 * {@code trace_id}/{@code span_id} (from the record's {@link LogFields} or the current span),
 * any structured fields, and {@code error}/{@code stack} when a throwable is attached.
 */
public final class JsonLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"ts\":\"").append(Instant.ofEpochMilli(record.getMillis())).append('"');
        field(out, "level", level(record.getLevel()));
        field(out, "logger", record.getLoggerName() == null ? "" : record.getLoggerName());
        field(out, "message", formatMessage(record));
        Map<String, Object> fields = fields(record);
        if (!fields.containsKey("trace_id")) {
            SpanContext context = Span.current().getSpanContext();
            if (context.isValid()) {
                field(out, "trace_id", context.getTraceId());
                field(out, "span_id", context.getSpanId());
            }
        }
        fields.forEach((key, value) -> field(out, key, value));
        if (record.getThrown() != null) {
            Throwable thrown = record.getThrown();
            field(out, "error", thrown.getClass().getName() + ": " + thrown.getMessage());
            StringWriter stack = new StringWriter();
            thrown.printStackTrace(new PrintWriter(stack));
            field(out, "stack", stack.toString());
        }
        return out.append("}\n").toString();
    }

    @Override
    public String formatMessage(LogRecord record) {
        if (record.getParameters() != null && record.getParameters().length == 1
                && record.getParameters()[0] instanceof LogFields) {
            return record.getMessage() == null ? "" : record.getMessage();
        }
        return super.formatMessage(record);
    }

    private static Map<String, Object> fields(LogRecord record) {
        Object[] parameters = record.getParameters();
        if (parameters != null && parameters.length == 1 && parameters[0] instanceof LogFields fields) {
            return fields.values();
        }
        return Map.of();
    }

    /** Maps JUL levels onto the names operators grep for. */
    static String level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        if (value >= Level.FINE.intValue()) {
            return "DEBUG";
        }
        return "TRACE";
    }

    private static void field(StringBuilder out, String key, Object value) {
        out.append(",\"");
        escape(out, key);
        out.append("\":");
        if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            out.append('"');
            escape(out, String.valueOf(value));
            out.append('"');
        }
    }

    private static void escape(StringBuilder out, String text) {
        int clean = 0;
        while (clean < text.length()) {
            char c = text.charAt(clean);
            if (c < 0x20 || c == '"' || c == '\\') {
                break;
            }
            clean++;
        }
        out.append(text, 0, clean);
        for (int i = clean; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
