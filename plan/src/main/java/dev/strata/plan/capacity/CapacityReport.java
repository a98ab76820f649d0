package dev.strata.plan.capacity;

import dev.strata.catalog.Resources;

import java.util.List;

/**
 * The capacity result: per node, per tier, what could not be placed, and totals split between
 * Kubernetes' own pods, Strata's components and apps (the steady state), and the components' Jobs,
 * which must fit while they run ({@code jobsFitting} of them do) but hold nothing afterwards.
 */
public record CapacityReport(Scenario scenario, List<NodeUsage> nodes, List<TierUsage> tiers, List<Unschedulable> unschedulable,
                             int pods, Resources kubernetesRequests, Resources componentRequests, Resources appRequests,
                             Resources jobRequests, int jobsFitting) {

    public boolean fits() {
        return unschedulable.isEmpty();
    }

    /** Strata's footprint: components plus apps (what a profile budget is about). */
    public Resources platformRequests() {
        return componentRequests.plus(appRequests);
    }
}
