package dev.strata.sample.telemetry;

import java.util.Collection;
import java.util.function.Supplier;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Builds the real exporter on first use, on the span processor's own thread: creating the
 * OTLP exporter (and its HTTP client) costs ~100-300 ms, which stays off the start-up path.
 */
final class LazySpanExporter implements SpanExporter {

    private final Supplier<SpanExporter> factory;
    private volatile SpanExporter delegate;

    LazySpanExporter(Supplier<SpanExporter> factory) {
        this.factory = factory;
    }

    private SpanExporter delegate() {
        SpanExporter current = delegate;
        if (current == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = factory.get();
                }
                current = delegate;
            }
        }
        return current;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return delegate().export(spans);
    }

    @Override
    public CompletableResultCode flush() {
        return delegate == null ? CompletableResultCode.ofSuccess() : delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate == null ? CompletableResultCode.ofSuccess() : delegate.shutdown();
    }
}
