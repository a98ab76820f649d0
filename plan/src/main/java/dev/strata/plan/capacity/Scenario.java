package dev.strata.plan.capacity;

/** Which replica counts to plan for: the spec's replicas, or every HPA at its maximum (and canaries at full size). */
public enum Scenario {
    REPLICAS, MAX
}
