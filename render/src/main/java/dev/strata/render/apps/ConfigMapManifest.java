package dev.strata.render.apps;

import dev.strata.render.Obj;
import dev.strata.spec.ExternalService;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The app's non-secret settings, read as environment variables (envFrom). Names are the sample
 * API's own (Helidon maps DATABASE_HOST to database.host): PORT, LOG_LEVEL, OTEL_*, DATABASE_*.
 * ENVIRONMENT is set by each overlay: the base names no environment.
 */
final class ConfigMapManifest {

    static final String DRAIN_MS = "5000";
    static final String GRACE_MS = "15000";

    private ConfigMapManifest() {
    }

    static Manifest of(AppFacts f) {
        Map<String, Object> data = new TreeMap<>();
        data.put("PORT", Integer.toString(f.port()));
        data.put("LOG_LEVEL", "INFO");
        data.put("LOG_ACCESS", "true");
        data.put("SHUTDOWN_DRAIN_MS", DRAIN_MS);
        data.put("SHUTDOWN_GRACE_MS", GRACE_MS);
        data.put("OTEL_SERVICE_NAME", f.name());
        f.otlp().ifPresent(o -> data.put("OTEL_EXPORTER_OTLP_ENDPOINT", o.url()));
        for (ExternalService x : f.app().external()) {
            String prefix = envName(x.name());
            data.put(prefix + "_HOST", x.name());
            data.put(prefix + "_PORT", Integer.toString(x.port()));
        }
        database(f).ifPresent(db -> {
            data.put("DATABASE_HOST", db.name());
            data.put("DATABASE_PORT", Integer.toString(db.port()));
        });
        List<String> comment = new ArrayList<>(List.of(
                "Non-secret settings of " + f.name() + ", loaded with envFrom. No password ever goes here.",
                "External services are named by their selector-less Service (short name: resolves in the",
                "app's own namespace, so the base stays the same in every environment)."));
        f.otlp().ifPresent(o -> comment.add("Traces: OTLP/HTTP to " + o.service() + " (the sample API exports OTLP over HTTP, port " + o.port() + ")."));
        return new Manifest("configmap.yaml", comment,
                Obj.of("v1", "ConfigMap", f.name()).labels(f.labels()).put("data", data).build());
    }

    /**
     * The external service the sample API uses as its PostgreSQL database: the first one named
     * postgres* (or on 5432). Its credentials come from a Secret the user seals, never from here.
     */
    static Optional<ExternalService> database(AppFacts f) {
        return f.app().external().stream()
                .filter(x -> x.name().startsWith("postgres") || x.port() == 5432)
                .findFirst();
    }

    static String envName(String serviceName) {
        return serviceName.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
