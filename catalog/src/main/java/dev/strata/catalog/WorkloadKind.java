package dev.strata.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;

public enum WorkloadKind {
    Deployment, StatefulSet, DaemonSet, Job, CronJob;

    @JsonCreator
    public static WorkloadKind of(String name) {
        for (WorkloadKind k : values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("\"" + name + "\" is not a workload kind; known: Deployment, StatefulSet, DaemonSet, Job, CronJob");
    }
}
