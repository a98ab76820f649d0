package dev.strata.sample.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * OpenTelemetry settings. Spans are always created (their ids go into the logs); they are
 * exported over OTLP/HTTP only when {@code otlpTracesEndpoint} is present.
 */
public record TracingSettings(String serviceName, Optional<URI> otlpTracesEndpoint, double sampleRatio,
                              Duration exportDelay) {

    public TracingSettings {
        if (sampleRatio < 0 || sampleRatio > 1 || Double.isNaN(sampleRatio)) {
            throw new SampleApiConfigException("otel.traces.sampler.arg (OTEL_TRACES_SAMPLER_ARG): " + sampleRatio
                    + " is not a sampling ratio; use a number from 0.0 to 1.0");
        }
    }

    public Map<String, Object> describe() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("service_name", serviceName);
        view.put("otlp_traces_endpoint", otlpTracesEndpoint.map(URI::toString).orElse("off"));
        view.put("sample_ratio", sampleRatio);
        view.put("export_delay_ms", exportDelay.toMillis());
        return view;
    }
}
