package dev.strata.plan.capacity;

/** Where one pod went. */
public record Placement(PodRequest pod, String node) {
}
