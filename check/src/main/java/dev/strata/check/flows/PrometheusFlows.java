package dev.strata.check.flows;

import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.graph.Selectors;
import dev.strata.check.rules.references.Services;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Prometheus → every monitored port: a ServiceMonitor's endpoints (a Service port by name, or a
 * targetPort) on the pods of the Services it selects, and a PodMonitor's podMetricsEndpoints (a
 * container port by name, portNumber or targetPort) on the pods it selects, in the namespaces the
 * monitor's namespaceSelector names (its own when it has none; every one with {@code any: true}).
 * Every Prometheus is taken to pick up every monitor (serviceMonitorSelector is not evaluated).
 */
final class PrometheusFlows implements FlowSource {

    static final String KIND = "prometheus";

    @Override
    public List<Flow> flows(ResourceGraph graph) {
        List<Resource> monitors = new ArrayList<>();
        for (String kind : List.of("ServiceMonitor", "PodMonitor")) {
            graph.ofKind(kind).stream().filter(m -> m.group().equals("monitoring.coreos.com")).forEach(monitors::add);
        }
        if (monitors.isEmpty()) {
            return List.of();
        }
        List<Peer> servers = PrometheusPods.of(graph);
        List<Flow> out = new ArrayList<>();
        for (Resource monitor : monitors) {
            Via via = Via.of(monitor);
            for (ServiceTargets.Target target : monitor.kind().equals("ServiceMonitor") ? serviceTargets(graph, monitor)
                    : podTargets(graph, monitor)) {
                for (Peer server : servers) {
                    out.add(new Flow(KIND, server, Peer.of(target.pod()), target.port(), via));
                }
            }
        }
        return out;
    }

    private static Set<String> namespaces(ResourceGraph graph, Resource monitor) {
        YMap selector = monitor.spec().map("namespaceSelector").orElse(YMap.empty());
        Set<String> out = new LinkedHashSet<>();
        if (selector.bool("any").orElse(false)) {
            graph.allPodTemplates().forEach(t -> out.add(t.owner().namespace()));
        } else if (!selector.strings("matchNames").isEmpty()) {
            out.addAll(selector.strings("matchNames"));
        } else {
            out.add(monitor.namespace());
        }
        return out;
    }

    private static List<ServiceTargets.Target> serviceTargets(ResourceGraph graph, Resource sm) {
        YMap selector = sm.spec().map("selector").orElse(YMap.empty());
        Set<String> namespaces = namespaces(graph, sm);
        List<ServiceTargets.Target> out = new ArrayList<>();
        for (Resource svc : graph.ofKind("Service")) {
            if (!svc.group().isEmpty() || !namespaces.contains(svc.namespace()) || !Selectors.matches(selector, svc.labels())) {
                continue;
            }
            for (YMap endpoint : sm.spec().maps("endpoints")) {
                if (endpoint.has("port")) {
                    out.addAll(ServiceTargets.of(graph, svc.namespace(), svc.name(), endpoint.strOr("port", "")));
                } else if (endpoint.has("targetPort")) {
                    String target = endpoint.strOr("targetPort", "");
                    for (PodTemplate t : Services.selected(svc, graph)) {
                        ServiceTargets.containerPort(t, target, "TCP").ifPresent(p -> out.add(new ServiceTargets.Target(t, p)));
                    }
                }
            }
        }
        return out;
    }

    private static List<ServiceTargets.Target> podTargets(ResourceGraph graph, Resource pm) {
        YMap selector = pm.spec().map("selector").orElse(YMap.empty());
        List<ServiceTargets.Target> out = new ArrayList<>();
        for (String ns : namespaces(graph, pm)) {
            for (PodTemplate t : graph.podTemplatesMatching(ns, selector)) {
                for (YMap endpoint : pm.spec().maps("podMetricsEndpoints")) {
                    String port = endpoint.str("port").or(() -> endpoint.str("portNumber")).or(() -> endpoint.str("targetPort")).orElse("");
                    ServiceTargets.containerPort(t, port, "TCP").ifPresent(p -> out.add(new ServiceTargets.Target(t, p)));
                }
            }
        }
        return out;
    }
}
