package dev.strata.check.flows;

import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.strata.check.graph.Selectors;

/**
 * The Prometheus servers that scrape: pod templates labelled {@code app.kubernetes.io/name=prometheus}
 * in the input; else, for each {@code Prometheus} resource (prometheus-operator), the pods the
 * operator creates (labels {@code app.kubernetes.io/name=prometheus}, {@code prometheus=<name>},
 * service account {@code spec.serviceAccountName} or default); else one assumed in namespace monitoring.
 */
final class PrometheusPods {

    static final String DEFAULT_NAMESPACE = "monitoring";

    private PrometheusPods() {
    }

    static List<Peer> of(ResourceGraph graph) {
        List<Peer> out = new ArrayList<>();
        for (PodTemplate t : graph.allPodTemplates()) {
            if ("prometheus".equals(t.labels().get("app.kubernetes.io/name"))) {
                out.add(Peer.of(t));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        for (Resource p : graph.ofKind("Prometheus")) {
            if (!p.group().equals("monitoring.coreos.com")) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("app.kubernetes.io/name", "prometheus");
            labels.put("prometheus", p.name());
            labels.putAll(p.spec().path("podMetadata").map(m -> m.stringMap("labels")).orElse(Map.of()));
            String sa = p.spec().strOr("serviceAccountName", "default");
            out.add(Peer.assumed(p.namespace() + "/" + p.name() + "[Prometheus]", p.namespace(), labels, sa,
                    "Prometheus " + p.namespace() + "/" + p.name() + " runs in pods the operator creates, labelled "
                            + Selectors.display(labels) + ", as service account " + sa));
        }
        if (!out.isEmpty()) {
            return out;
        }
        return List.of(Peer.assumed(DEFAULT_NAMESPACE + "/prometheus[Prometheus]", DEFAULT_NAMESPACE,
                Map.of("app.kubernetes.io/name", "prometheus"), "",
                "Prometheus is not in the input; assumed in namespace " + DEFAULT_NAMESPACE
                        + " with labels app.kubernetes.io/name=prometheus and an unknown service account"));
    }
}
