package dev.strata.render.apps;

import dev.strata.plan.facts.MeshMode;
import dev.strata.render.Obj;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How Prometheus (kube-prometheus-stack, which selects every monitor in the cluster) finds the app.
 * With Istio sidecars: a PodMonitor on pilot-agent's merged-metrics port, because STRICT mTLS
 * would refuse a scraper outside the mesh on the app port. With a canary: a PodMonitor on the app
 * port, because the stable and canary Services select the same pods when no rollout runs and a
 * ServiceMonitor would scrape every pod twice. Otherwise: a ServiceMonitor on the Service's http port.
 */
final class MetricsManifest {

    private MetricsManifest() {
    }

    static Optional<Manifest> of(AppFacts f) {
        if (!f.prometheus()) {
            return Optional.empty();
        }
        if (f.mesh() == MeshMode.ISTIO_SIDECAR) {
            return Optional.of(new Manifest("podmonitor.yaml", List.of(
                    "Istio metrics merging: pilot-agent serves Envoy's and the app's /metrics together on",
                    AppFacts.ISTIO_AGENT_PORT + " /stats/prometheus, in plaintext and outside STRICT mTLS, so Prometheus needs no",
                    "mesh identity. 15020 is not a declared container port, so the target is taken from the",
                    "proxy's declared http-envoy-prom port (one per pod) and its address rewritten to " + AppFacts.ISTIO_AGENT_PORT + "."),
                    Obj.of("monitoring.coreos.com/v1", "PodMonitor", f.name()).labels(f.labels())
                            .put("spec", Obj.map(
                                    "selector", Obj.map("matchLabels", new TreeMap<>(f.selector())),
                                    "podMetricsEndpoints", List.of(Obj.map(
                                            "port", "http-envoy-prom",
                                            "path", "/stats/prometheus",
                                            "interval", "30s",
                                            "relabelings", List.of(Obj.map(
                                                    "action", "replace",
                                                    "sourceLabels", List.of("__meta_kubernetes_pod_ip"),
                                                    "regex", "(.+)",
                                                    "replacement", "$1:" + AppFacts.ISTIO_AGENT_PORT,
                                                    "targetLabel", "__address__"))))))
                            .build()));
        }
        if (f.canary()) {
            return Optional.of(new Manifest("podmonitor.yaml", List.of(
                    "Stable and canary pods scraped once each on their /metrics (a ServiceMonitor would see",
                    "them through both Services)."),
                    Obj.of("monitoring.coreos.com/v1", "PodMonitor", f.name()).labels(f.labels())
                            .put("spec", Obj.map(
                                    "selector", Obj.map("matchLabels", new TreeMap<>(f.selector())),
                                    "podMetricsEndpoints", List.of(Obj.map("port", "http", "path", "/metrics", "interval", "30s"))))
                            .build()));
        }
        return Optional.of(new Manifest("servicemonitor.yaml", List.of(
                "Prometheus scrapes /metrics on the Service's http port, every pod behind it."),
                Obj.of("monitoring.coreos.com/v1", "ServiceMonitor", f.name()).labels(f.labels())
                        .put("spec", Obj.map(
                                "selector", Obj.map("matchLabels", new TreeMap<>(f.selector())),
                                "endpoints", List.of(Obj.map("port", "http", "path", "/metrics", "interval", "30s"))))
                        .build()));
    }
}
