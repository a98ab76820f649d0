package dev.strata.check.rules.network;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.graph.Selectors;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.check.rules.references.Services;
import dev.strata.check.yaml.YMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A NetworkPolicy that keeps Prometheus from scraping a pod a ServiceMonitor or PodMonitor targets.
 * Prometheus is found as a {@code Prometheus} resource or a workload labelled
 * {@code app.kubernetes.io/name=prometheus}; without either it is assumed in namespace monitoring.
 */
public final class BlocksPrometheusRule extends BaseRule {

    public BlocksPrometheusRule() {
        super(RuleInfo.across("networkpolicy-blocks-prometheus", Category.NETWORK, Severity.ERROR,
                "A NetworkPolicy denies Prometheus the port a ServiceMonitor or PodMonitor scrapes, so the target stays down.",
                "Allow ingress on the metrics port from the Prometheus namespace (namespaceSelector kubernetes.io/metadata.name)."));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (!NetworkPolicies.isPolicy(object) || !NetworkPolicies.has(object, "Ingress")) {
            return;
        }
        ResourceGraph graph = ctx.graph();
        NetworkPolicies.Source prometheus = prometheus(graph);
        for (PodTemplate t : graph.podTemplates(object.namespace())) {
            if (!NetworkPolicies.selects(object, t) || NetworkPolicies.ingressPolicies(graph, t).getFirst() != object) {
                continue;
            }
            for (Scrape s : scrapes(graph, t)) {
                if (!NetworkPolicies.ingressAllowed(graph, t, prometheus, s.port(), s.portName())) {
                    ctx.report("blocks prometheus (namespace " + prometheus.namespace() + ") from port " + s.port()
                            + " of " + t.owner().kind().toLowerCase(java.util.Locale.ROOT) + " " + t.owner().name()
                            + ", scraped by " + s.monitor());
                }
            }
        }
    }

    record Scrape(String monitor, long port, String portName) {
    }

    static List<Scrape> scrapes(ResourceGraph graph, PodTemplate t) {
        List<Scrape> out = new java.util.ArrayList<>();
        for (Resource sm : graph.ofKind("ServiceMonitor")) {
            YMap selector = sm.spec().map("selector").orElse(YMap.empty());
            for (Resource svc : graph.ofKind("Service")) {
                if (!svc.namespace().equals(t.owner().namespace()) || !Selectors.matches(selector, svc.labels())
                        || !Selectors.matches(svc.spec().stringMap("selector"), t.labels())
                        || svc.spec().stringMap("selector").isEmpty()) {
                    continue;
                }
                for (YMap endpoint : sm.spec().maps("endpoints")) {
                    endpoint.str("port").flatMap(p -> Services.port(svc, p)).ifPresent(sp -> {
                        String target = Services.targetPort(sp);
                        Services.containerPort(t, target).ifPresent(n ->
                                out.add(new Scrape("ServiceMonitor " + sm.name(), n, Services.isNumber(target) ? "" : target)));
                    });
                }
            }
        }
        for (Resource pm : graph.ofKind("PodMonitor")) {
            if (!Selectors.matches(pm.spec().map("selector").orElse(YMap.empty()), t.labels())) {
                continue;
            }
            for (YMap endpoint : pm.spec().maps("podMetricsEndpoints")) {
                endpoint.str("port").ifPresent(p -> Services.containerPort(t, p).ifPresent(n ->
                        out.add(new Scrape("PodMonitor " + pm.name(), n, p))));
            }
        }
        return out;
    }

    static NetworkPolicies.Source prometheus(ResourceGraph graph) {
        for (Resource p : graph.ofKind("Prometheus")) {
            if (p.group().equals("monitoring.coreos.com")) {
                return new NetworkPolicies.Source(p.namespace(), Optional.empty());
            }
        }
        for (PodTemplate t : graph.allPodTemplates()) {
            if ("prometheus".equals(t.labels().get("app.kubernetes.io/name"))) {
                return new NetworkPolicies.Source(t.owner().namespace(), Optional.of(t.labels()));
            }
        }
        return new NetworkPolicies.Source("monitoring", Optional.<Map<String, String>>empty());
    }
}
