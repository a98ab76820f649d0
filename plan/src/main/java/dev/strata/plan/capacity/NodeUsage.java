package dev.strata.plan.capacity;

import dev.strata.catalog.Resources;

import java.util.List;

/** Requests and limits placed on a node, against what it can allocate. */
public record NodeUsage(NodeInfo node, Resources requested, Resources limits, List<PodRequest> pods) {

    public Resources headroom() {
        return node.allocatable().minus(requested);
    }

    public double cpuPercent() {
        return percent(requested.cpu().milli(), node.allocatable().cpu().milli());
    }

    public double memoryPercent() {
        return percent(requested.memory().milli(), node.allocatable().memory().milli());
    }

    public double cpuLimitPercent() {
        return percent(limits.cpu().milli(), node.allocatable().cpu().milli());
    }

    public double memoryLimitPercent() {
        return percent(limits.memory().milli(), node.allocatable().memory().milli());
    }

    static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
