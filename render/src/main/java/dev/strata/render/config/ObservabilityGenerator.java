package dev.strata.render.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.strata.plan.facts.MeshMode;
import dev.strata.plan.facts.PlatformFacts;
import dev.strata.render.Generator;
import dev.strata.render.Obj;
import dev.strata.render.RenderContext;
import dev.strata.render.RenderedTree;
import dev.strata.spec.AppEnvironment;
import dev.strata.spec.AppSpec;
import dev.strata.yaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.strata.render.Obj.map;

/**
 * {@code platform/config/observability/} (kube-prometheus-stack): Grafana datasources for the
 * enabled backends with trace ↔ log links, a dashboard per app, and scrape targets for the mesh.
 * Prometheus selects every ServiceMonitor and PodMonitor in the cluster (the catalog turns the
 * *SelectorNilUsesHelmValues switches off), so these carry no release label.
 */
public final class ObservabilityGenerator implements Generator {

    static final String PROMETHEUS_UID = "prometheus";
    static final String LOKI_UID = "loki";
    static final String TEMPO_UID = "tempo";
    /** Labels the Grafana sidecars of kube-prometheus-stack watch (grafana.sidecar.*.label / labelValue). */
    static final String DATASOURCE_LABEL = "grafana_datasource";
    static final String DASHBOARD_LABEL = "grafana_dashboard";
    static final String DATASOURCES_KEY = "strata-datasources.yaml";
    static final String MONITORING_API = "monitoring.coreos.com/v1";

    @Override
    public String name() {
        return Bundles.OBSERVABILITY;
    }

    @Override
    public void generate(RenderContext ctx, RenderedTree out) {
        if (!ctx.hasWaveItem(Bundles.OBSERVABILITY)) {
            return;
        }
        String dir = Bundles.dir(Bundles.OBSERVABILITY);
        String ns = PlatformFacts.MONITORING_NAMESPACE;
        ConfigFile.write(out, dir, List.of(
                        "Grafana datasources for the backends this platform runs (" + String.join(", ", backends(ctx)) + "), linked:",
                        "a trace_id in a log line opens the trace in Tempo, a span opens its logs in Loki. Grafana's",
                        "datasource sidecar loads every ConfigMap labelled " + DATASOURCE_LABEL + "=\"1\". The file key differs from",
                        "the chart's own datasource.yaml so neither overwrites the other; names and uids equal the chart's,",
                        "so Grafana updates its Prometheus datasource rather than adding a second one. Not the default",
                        "datasource: the chart's Prometheus already is, and two defaults stop Grafana's provisioning."),
                Obj.of("v1", "ConfigMap", "grafana-datasources-strata").namespace(ns).labels(Map.of(DATASOURCE_LABEL, "1"))
                        .put("data", map(DATASOURCES_KEY, Yaml.dump(map("apiVersion", 1, "datasources", datasources(ctx))))).build());
        for (AppSpec app : ctx.spec().apps()) {
            List<String> namespaces = app.environments().stream().map(AppEnvironment::name).map(app::namespace).toList();
            ConfigFile.write(out, dir, List.of(
                            "Dashboard of " + app.name() + ": request rate, 5xx ratio, latency p50/p99 from the",
                            "http_server_requests_seconds histogram (labels method, route, status) and JVM heap.",
                            "Loaded by Grafana's dashboard sidecar (label " + DASHBOARD_LABEL + "=\"1\", all namespaces)."),
                    Obj.of("v1", "ConfigMap", "grafana-dashboard-" + app.name()).namespace(ns).labels(Map.of(DASHBOARD_LABEL, "1"))
                            .put("data", map(app.name() + ".json", json(SampleApiDashboard.of(app.name(), namespaces)))).build());
        }
        if (ctx.facts().meshMode().istio()) {
            ConfigFile.write(out, dir, List.of("istiod's control-plane metrics (xDS pushes, config errors, injections) on its",
                            "http-monitoring port 15014."),
                    Obj.of(MONITORING_API, "ServiceMonitor", "istiod").namespace(ns).put("spec", map(
                            "namespaceSelector", map("matchNames", List.of(Bundles.ISTIO_NAMESPACE)),
                            "selector", map("matchLabels", map("app", "istiod")),
                            "endpoints", List.of(map("port", "http-monitoring", "interval", "30s")))).build());
        }
        // Sidecar mode: no separate Envoy PodMonitor. The apps' PodMonitors scrape port 15020, where
        // Istio merges the app's metrics with Envoy's (enablePrometheusMerge), so Envoy's series
        // would otherwise be collected twice.
        if (ctx.facts().meshMode() == MeshMode.ISTIO_AMBIENT) {
            ConfigFile.write(out, dir, List.of("ztunnel, the ambient data plane on every node: connections, bytes and mTLS",
                            "failures per workload, on port 15020 (ztunnel-stats)."),
                    Obj.of(MONITORING_API, "PodMonitor", "ztunnel").namespace(ns).put("spec", map(
                            "namespaceSelector", map("matchNames", List.of(Bundles.ISTIO_NAMESPACE)),
                            "selector", map("matchLabels", map("app", "ztunnel")),
                            "podMetricsEndpoints", List.of(map("port", "ztunnel-stats", "path", "/stats/prometheus", "interval", "30s")))).build());
        }
    }

    static List<String> appNamespaces(RenderContext ctx) {
        List<String> out = new ArrayList<>();
        for (AppSpec app : ctx.spec().apps()) {
            for (AppEnvironment env : app.environments()) {
                out.add(app.namespace(env.name()));
            }
        }
        return out.stream().sorted().toList();
    }

    private static List<String> backends(RenderContext ctx) {
        List<String> out = new ArrayList<>(List.of("Prometheus"));
        if (ctx.facts().enabled("loki")) {
            out.add("Loki");
        }
        if (ctx.facts().enabled("tempo")) {
            out.add("Tempo");
        }
        return out;
    }

    static List<Object> datasources(RenderContext ctx) {
        boolean loki = ctx.facts().enabled("loki");
        boolean tempo = ctx.facts().enabled("tempo");
        List<Object> out = new ArrayList<>();
        Map<String, Object> promJson = new LinkedHashMap<>();
        promJson.put("httpMethod", "POST");
        if (tempo) {
            promJson.put("exemplarTraceIdDestinations", List.of(map("name", "trace_id", "datasourceUid", TEMPO_UID)));
        }
        out.add(map("name", "Prometheus", "type", "prometheus", "uid", PROMETHEUS_UID, "access", "proxy",
                "url", ctx.facts().observability().prometheusUrl(), "jsonData", promJson));
        if (loki) {
            Map<String, Object> lokiJson = new LinkedHashMap<>();
            lokiJson.put("maxLines", 1000);
            if (tempo) {
                // "$$" because Grafana expands $VARIABLES in provisioning files; the link is ${__value.raw}.
                lokiJson.put("derivedFields", List.of(map(
                        "name", "TraceID",
                        "matcherRegex", "\"trace_id\":\"(\\w+)\"",
                        "url", "$${__value.raw}",
                        "datasourceUid", TEMPO_UID,
                        "urlDisplayLabel", "Open trace")));
            }
            out.add(map("name", "Loki", "type", "loki", "uid", LOKI_UID, "access", "proxy", "url", ctx.facts().observability().lokiUrl(), "jsonData", lokiJson));
        }
        if (tempo) {
            Map<String, Object> tempoJson = new LinkedHashMap<>();
            if (loki) {
                tempoJson.put("tracesToLogsV2", map("datasourceUid", LOKI_UID, "filterByTraceID", true,
                        "spanStartTimeShift", "-5m", "spanEndTimeShift", "5m"));
                tempoJson.put("lokiSearch", map("datasourceUid", LOKI_UID));
            }
            // Service graph metrics come from Tempo's metrics generator, which the catalog keeps off:
            // the map stays empty until it is turned on (and Prometheus accepts remote write).
            tempoJson.put("serviceMap", map("datasourceUid", PROMETHEUS_UID));
            tempoJson.put("nodeGraph", map("enabled", true));
            out.add(map("name", "Tempo", "type", "tempo", "uid", TEMPO_UID, "access", "proxy", "url", ctx.facts().observability().tempoUrl(), "jsonData", tempoJson));
        }
        return out;
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Pretty JSON in the maps' own key order, so the same dashboard gives the same bytes. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dashboard is plain maps and lists; writing it cannot fail", e);
        }
    }
}
