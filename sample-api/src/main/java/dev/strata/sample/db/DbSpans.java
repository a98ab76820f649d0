package dev.strata.sample.db;

import java.sql.SQLException;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/** Wraps each database call in a CLIENT span named after the operation and table. */
final class DbSpans {

    /** One database call that may fail with an SQL error. */
    @FunctionalInterface
    interface SqlCall<T> {
        T run() throws SQLException;
    }

    private final Tracer tracer;
    private final String serverAddress;

    DbSpans(Tracer tracer, String jdbcUrl) {
        this.tracer = tracer;
        this.serverAddress = jdbcUrl.replaceFirst("^jdbc:postgresql://", "").replaceFirst("[/?].*$", "");
    }

    <T> T call(String operation, String table, String sql, SqlCall<T> call) throws SQLException {
        Span span = tracer.spanBuilder(operation + " " + table)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("db.system.name", "postgresql")
                .setAttribute("db.operation.name", operation)
                .setAttribute("db.collection.name", table)
                .setAttribute("db.query.text", sql)
                .setAttribute("server.address", serverAddress)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return call.run();
        } catch (SQLException | RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            span.recordException(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
