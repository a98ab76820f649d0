package dev.strata.plan.capacity;

/**
 * Whose pod it is: Kubernetes' own, a Strata component's, an app's — or a component's Job (a Helm
 * hook, a pruner CronJob's run): it must fit while it runs, then completes, so it is not part of the
 * steady-state footprint.
 */
public enum PodCategory {
    KUBERNETES, COMPONENT, APP, JOB
}
