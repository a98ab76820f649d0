package dev.strata.plan.capacity;

import dev.strata.catalog.Resources;

/** A tier's nodes together. */
public record TierUsage(String tier, int nodes, Resources allocatable, Resources requested, Resources limits) {

    public Resources headroom() {
        return allocatable.minus(requested);
    }

    public double cpuPercent() {
        return NodeUsage.percent(requested.cpu().milli(), allocatable.cpu().milli());
    }

    public double memoryPercent() {
        return NodeUsage.percent(requested.memory().milli(), allocatable.memory().milli());
    }

    public double cpuLimitPercent() {
        return NodeUsage.percent(limits.cpu().milli(), allocatable.cpu().milli());
    }

    public double memoryLimitPercent() {
        return NodeUsage.percent(limits.memory().milli(), allocatable.memory().milli());
    }
}
