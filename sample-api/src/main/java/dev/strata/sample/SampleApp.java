package dev.strata.sample;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.strata.sample.config.AppConfig;
import dev.strata.sample.db.Database;
import dev.strata.sample.db.JdbcItemStore;
import dev.strata.sample.http.ApiService;
import dev.strata.sample.http.BodyReader;
import dev.strata.sample.http.ErrorResponses;
import dev.strata.sample.http.FallbackHandler;
import dev.strata.sample.http.HttpTelemetryFilter;
import dev.strata.sample.http.Json;
import dev.strata.sample.http.JsonDirectHandler;
import dev.strata.sample.http.RequestMetrics;
import dev.strata.sample.http.Routes;
import dev.strata.sample.items.InMemoryItemStore;
import dev.strata.sample.items.ItemStore;
import dev.strata.sample.items.ItemsService;
import dev.strata.sample.lifecycle.Readiness;
import dev.strata.sample.ops.EchoService;
import dev.strata.sample.ops.HealthService;
import dev.strata.sample.ops.MetricsService;
import dev.strata.sample.ops.StatusService;
import dev.strata.sample.telemetry.LogFields;
import dev.strata.sample.telemetry.Telemetry;

import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;

/**
 * The running service: telemetry and store from the config, each service's routes, the web
 * server; and the graceful shutdown (not ready → wait for the drain delay → finish in-flight
 * requests within the grace period → close the store and flush spans).
 */
public final class SampleApp {

    private static final Logger LOG = Logger.getLogger(SampleApp.class.getName());

    private final AppConfig config;
    private final Telemetry telemetry;
    private final ItemStore store;
    private final Readiness readiness;
    private final WebServer server;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private SampleApp(AppConfig config, Telemetry telemetry, ItemStore store, Readiness readiness, WebServer server) {
        this.config = config;
        this.telemetry = telemetry;
        this.store = store;
        this.readiness = readiness;
        this.server = server;
    }

    public static SampleApp start(AppConfig config) {
        long begin = System.nanoTime();
        Thread warmUp = Thread.ofVirtual().name("json-warm-up").start(Json::warmUp);
        Clock clock = Clock.systemUTC();
        Telemetry telemetry = Telemetry.create(config);
        ItemStore store = config.database()
                .<ItemStore>map(settings -> new JdbcItemStore(Database.start(settings, telemetry.registry()),
                        telemetry.tracer(), clock))
                .orElseGet(() -> new InMemoryItemStore(clock));
        Readiness readiness = new Readiness();
        BodyReader bodies = new BodyReader(config.maxRequestBytes());
        List<ApiService> services = List.of(
                new HealthService(readiness, store),
                new StatusService(config, clock),
                new EchoService(bodies, clock),
                new MetricsService(telemetry.registry()),
                new ItemsService(store, bodies));

        HttpRouting.Builder routing = HttpRouting.builder()
                .addFilter(new HttpTelemetryFilter(telemetry.tracer(), telemetry.propagators(),
                        new RequestMetrics(telemetry.registry()), config.accessLog()));
        Routes routes = new Routes(routing);
        services.forEach(service -> service.routes(routes));
        routing.any(new FallbackHandler(routes));
        ErrorResponses.register(routing);

        DirectHandlers.Builder direct = DirectHandlers.builder();
        JsonDirectHandler json = new JsonDirectHandler();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            direct.addHandler(type, json);
        }
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .shutdownHook(false)
                .shutdownGracePeriod(config.shutdownGrace())
                .directHandlers(direct.build())
                .routing(routing)
                .build()
                .start();
        try {
            warmUp.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readiness.serving();
        SampleApp app = new SampleApp(config, telemetry, store, readiness, server);
        app.log(Level.INFO, "listening", Map.of(
                "port", server.port(),
                "startup_ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin),
                "store", config.database().isPresent() ? "postgresql" : "memory",
                "otlp", config.tracing().otlpTracesEndpoint().map(Object::toString).orElse("off")));
        return app;
    }

    public int port() {
        return server.port();
    }

    public Readiness readiness() {
        return readiness;
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /** Graceful shutdown; safe to call more than once (later calls return at once). */
    public void shutdown() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        long begin = System.nanoTime();
        readiness.draining();
        log(Level.INFO, "draining", Map.of("drain_ms", config.drainDelay().toMillis(),
                "grace_ms", config.shutdownGrace().toMillis()));
        if (!config.drainDelay().isZero()) {
            try {
                Thread.sleep(config.drainDelay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.stop();
        store.close();
        telemetry.close();
        log(Level.INFO, "stopped", Map.of("shutdown_ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin)));
    }

    private void log(Level level, String message, Map<String, Object> fields) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(LOG.getName());
        record.setParameters(new Object[] {LogFields.of(fields)});
        LOG.log(record);
    }
}
