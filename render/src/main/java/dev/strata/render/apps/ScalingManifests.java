package dev.strata.render.apps;

import dev.strata.render.Obj;

import java.util.List;
import java.util.TreeMap;

/** How many pods run and how many may be evicted at once: HorizontalPodAutoscaler and PodDisruptionBudget. */
final class ScalingManifests {

    static final int CPU_TARGET_PERCENT = 80;

    private ScalingManifests() {
    }

    static Manifest hpa(AppFacts f) {
        return new Manifest("horizontalpodautoscaler.yaml", List.of(
                "Scales " + f.name() + " on CPU (" + CPU_TARGET_PERCENT + "% of requests). min/max are placeholders here:",
                "every overlay sets its environment's replicas and maxReplicas."),
                Obj.of("autoscaling/v2", "HorizontalPodAutoscaler", f.name()).labels(f.labels())
                        .put("spec", Obj.map(
                                "scaleTargetRef", Obj.map("apiVersion", f.workloadApiVersion(), "kind", f.workloadKind(), "name", f.name()),
                                "minReplicas", 1,
                                "maxReplicas", 1,
                                "metrics", List.of(Obj.map("type", "Resource", "resource", Obj.map(
                                        "name", "cpu",
                                        "target", Obj.map("type", "Utilization", "averageUtilization", CPU_TARGET_PERCENT))))))
                        .build());
    }

    static Manifest pdb(AppFacts f) {
        return new Manifest("poddisruptionbudget.yaml", List.of(
                "maxUnavailable 1 in every environment: a drain evicts one pod at a time, and a single replica",
                "can still be evicted (minAvailable 1 would block every node drain of a one-replica app). With",
                "several replicas it keeps all but one running, which is stricter than minAvailable 1.",
                "Unhealthy pods may always be evicted, so a crash-looping pod never blocks a drain either."),
                Obj.of("policy/v1", "PodDisruptionBudget", f.name()).labels(f.labels())
                        .put("spec", Obj.map(
                                "maxUnavailable", 1,
                                "unhealthyPodEvictionPolicy", "AlwaysAllow",
                                "selector", Obj.map("matchLabels", new TreeMap<>(f.selector()))))
                        .build());
    }
}
