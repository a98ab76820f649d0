package dev.strata.spec;

/** An app in one environment: how many replicas, and how far its HPA may scale. */
public record AppEnvironment(String name, int replicas, int maxReplicas) {
}
