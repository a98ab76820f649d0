package dev.strata.plan;

import dev.strata.catalog.Container;
import dev.strata.catalog.Workload;
import dev.strata.catalog.WorkloadKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workloads operators create at run time from the platform's custom resources (the Prometheus
 * Operator's StatefulSets, the Tekton operator's Deployments and pruner CronJob), as manifests: the
 * pod each operator writes (declared in the catalog with where it was read), each container's
 * requests and limits, replicas and tier placement. They are not in the tree; the deep check admits,
 * places and counts them like the tree's own.
 */
public final class OperatorWorkloads {

    /** A manifest and who creates it. */
    public record Declared(Map<String, Object> manifest, String createdBy, String component) {
    }

    private OperatorWorkloads() {
    }

    public static List<Declared> of(Plan plan) {
        List<Declared> out = new ArrayList<>();
        for (PlannedRelease pr : plan.releases()) {
            for (Workload w : pr.release().workloads()) {
                if (w.byOperator() && !w.pod().isEmpty()) {
                    out.add(new Declared(manifest(plan, pr, w), w.createdBy().orElseThrow(), pr.componentId()));
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> manifest(Plan plan, PlannedRelease pr, Workload w) {
        String namespace = w.namespace().orElse(pr.namespace());
        Map<String, Object> metadata = w.pod().get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> labels = new LinkedHashMap<>(metadata.get("labels") instanceof Map<?, ?> l ? (Map<String, Object>) l
                : Map.of("app.kubernetes.io/name", w.name()));
        Map<String, Object> pod = Values.merge(Map.of(), w.pod().get("spec") instanceof Map<?, ?> sp ? (Map<String, Object>) sp : Map.of());
        List<Object> containers = new ArrayList<>();
        List<Object> initContainers = new ArrayList<>();
        Map<String, Map<String, Object>> declared = new LinkedHashMap<>();
        for (String field : List.of("initContainers", "containers")) {
            if (pod.get(field) instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> m) {
                        declared.put(String.valueOf(m.get("name")), new LinkedHashMap<>((Map<String, Object>) m));
                    }
                }
            }
        }
        for (Container c : w.containers()) {
            Map<String, Object> container = declared.getOrDefault(c.name(), new LinkedHashMap<>(Map.of("name", c.name())));
            container.put("resources", ReleasePlanner.resources(c));
            (c.init() ? initContainers : containers).add(container);
        }
        pod.put("containers", containers);
        if (!initContainers.isEmpty()) {
            pod.put("initContainers", initContainers);
        } else {
            pod.remove("initContainers");
        }
        Map<String, String> selector = ReleasePlanner.selector(plan.facts(), w.placement());
        if (!selector.isEmpty()) {
            pod.put("nodeSelector", new LinkedHashMap<>(selector));
        }
        List<Map<String, Object>> tolerations = ReleasePlanner.tolerations(plan.facts(), w.placement(), false);
        if (!tolerations.isEmpty()) {
            pod.put("tolerations", tolerations);
        }
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("metadata", Values.merge(metadata, Map.of("labels", labels)));
        template.put("spec", pod);
        Map<String, Object> spec = new LinkedHashMap<>();
        switch (w.kind()) {
            case CronJob -> {
                spec.put("schedule", "0 8 * * *");
                spec.put("jobTemplate", Map.of("spec", Map.of("template", template)));
            }
            case Job -> spec.put("template", template);
            default -> {
                if (w.kind() != WorkloadKind.DaemonSet) {
                    spec.put("replicas", w.replicaCount());
                }
                spec.put("selector", Map.of("matchLabels", labels));
                spec.put("template", template);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", switch (w.kind()) {
            case CronJob, Job -> "batch/v1";
            default -> "apps/v1";
        });
        m.put("kind", w.kind().name());
        m.put("metadata", new LinkedHashMap<>(Map.of("name", w.name(), "namespace", namespace, "labels", labels)));
        m.put("spec", spec);
        return m;
    }
}
