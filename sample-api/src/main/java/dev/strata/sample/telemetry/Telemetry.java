package dev.strata.sample.telemetry;

import java.util.concurrent.TimeUnit;

import dev.strata.sample.config.AppConfig;
import dev.strata.sample.config.TracingSettings;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/** The service's meter registry (Prometheus) and tracer (OpenTelemetry SDK, OTLP/HTTP export). */
public final class Telemetry implements AutoCloseable {

    private final PrometheusMeterRegistry registry;
    private final OpenTelemetrySdk openTelemetry;
    private final JvmGcMetrics gcMetrics;

    private Telemetry(PrometheusMeterRegistry registry, OpenTelemetrySdk openTelemetry, JvmGcMetrics gcMetrics) {
        this.registry = registry;
        this.openTelemetry = openTelemetry;
        this.gcMetrics = gcMetrics;
    }

    public static Telemetry create(AppConfig config) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", config.appName());
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        return new Telemetry(registry, openTelemetry(config), gc);
    }

    private static OpenTelemetrySdk openTelemetry(AppConfig config) {
        TracingSettings tracing = config.tracing();
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.builder()
                .put("service.name", tracing.serviceName())
                .put("service.version", config.version())
                .put("deployment.environment.name", config.environment())
                .build()));
        SdkTracerProviderBuilder provider = SdkTracerProvider.builder()
                .setResource(resource)
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(tracing.sampleRatio())));
        provider.addSpanProcessor(tracing.otlpTracesEndpoint()
                .<SpanProcessor>map(endpoint -> BatchSpanProcessor.builder(new LazySpanExporter(() ->
                                OtlpHttpSpanExporter.builder()
                                        .setEndpoint(endpoint.toString())
                                        .setTimeout(5, TimeUnit.SECONDS)
                                        .build()))
                        .setScheduleDelay(tracing.exportDelay())
                        .build())
                .orElseGet(LocalSpanProcessor::new));
        return OpenTelemetrySdk.builder()
                .setTracerProvider(provider.build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public Tracer tracer() {
        return openTelemetry.getTracer("dev.strata.sample", "1");
    }

    public ContextPropagators propagators() {
        return openTelemetry.getPropagators();
    }

    /** Exports spans still buffered, then releases resources; bounded by a few seconds. */
    @Override
    public void close() {
        openTelemetry.getSdkTracerProvider().forceFlush().join(5, TimeUnit.SECONDS);
        openTelemetry.getSdkTracerProvider().shutdown().join(5, TimeUnit.SECONDS);
        gcMetrics.close();
        registry.close();
    }
}
