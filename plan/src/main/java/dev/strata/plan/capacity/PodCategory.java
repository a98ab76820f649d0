package dev.strata.plan.capacity;

/** Whose pod it is: Kubernetes' own, a Strata component's, or an app's. */
public enum PodCategory {
    KUBERNETES, COMPONENT, APP
}
