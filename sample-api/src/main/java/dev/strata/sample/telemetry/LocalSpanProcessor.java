package dev.strata.sample.telemetry;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Exports nothing. The OpenTelemetry SDK hands out invalid (all-zero) span contexts when no
 * processor is registered; with OTLP export off this keeps real trace and span ids flowing into
 * the logs and the propagated {@code traceparent}.
 */
final class LocalSpanProcessor implements SpanProcessor {

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        // nothing to do: the span only needs to exist
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        // nothing to export
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
