package dev.strata.render.config;

import java.util.List;
import java.util.Map;

import static dev.strata.render.Obj.map;

/**
 * A Grafana dashboard for one app, from the metrics the sample API exports with Micrometer:
 * {@code http_server_requests_seconds} (histogram by method, route, status) and the JVM binders
 * ({@code jvm_memory_used_bytes{area="heap"}}). One variable picks the environment's namespace.
 */
final class SampleApiDashboard {

    static final String SEL = "namespace=\"$namespace\"";

    private SampleApiDashboard() {
    }

    static Map<String, Object> of(String app, List<String> namespaces) {
        String first = namespaces.getFirst();
        return map(
                "uid", "strata-" + app,
                "title", app,
                "tags", List.of("strata", app),
                "timezone", "browser",
                "schemaVersion", 39,
                "refresh", "30s",
                "time", map("from", "now-1h", "to", "now"),
                "templating", map("list", List.of(map(
                        "name", "namespace",
                        "label", "Environment",
                        "type", "custom",
                        "query", String.join(",", namespaces),
                        "current", map("text", first, "value", first),
                        "options", namespaces.stream().map(n -> (Object) map("text", n, "value", n, "selected", n.equals(first))).toList()))),
                "panels", List.of(
                        panel(1, "Request rate by route", "reqps", 0, 0,
                                target("A", "sum by (method, route) (rate(http_server_requests_seconds_count{" + SEL + "}[5m]))", "{{method}} {{route}}")),
                        panel(2, "Error ratio (5xx)", "percentunit", 12, 0,
                                target("A", "sum(rate(http_server_requests_seconds_count{" + SEL + ", status=~\"5..\"}[5m]))"
                                        + " / sum(rate(http_server_requests_seconds_count{" + SEL + "}[5m]))", "5xx / all")),
                        panel(3, "Latency p50 and p99", "s", 0, 8,
                                target("A", "histogram_quantile(0.5, sum by (le) (rate(http_server_requests_seconds_bucket{" + SEL + "}[5m])))", "p50"),
                                target("B", "histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{" + SEL + "}[5m])))", "p99")),
                        panel(4, "JVM heap used", "bytes", 12, 8,
                                target("A", "sum by (pod) (jvm_memory_used_bytes{" + SEL + ", area=\"heap\"})", "{{pod}}"))));
    }

    private static Map<String, Object> panel(int id, String title, String unit, int x, int y, Object... targets) {
        return map(
                "id", id,
                "type", "timeseries",
                "title", title,
                "datasource", prometheus(),
                "gridPos", map("h", 8, "w", 12, "x", x, "y", y),
                "fieldConfig", map("defaults", map("unit", unit), "overrides", List.of()),
                "targets", List.of(targets));
    }

    private static Map<String, Object> target(String refId, String expr, String legend) {
        return map("refId", refId, "datasource", prometheus(), "expr", expr, "legendFormat", legend);
    }

    private static Map<String, Object> prometheus() {
        return map("type", "prometheus", "uid", ObservabilityGenerator.PROMETHEUS_UID);
    }
}
