package dev.strata.plan.capacity;

import dev.strata.catalog.Resources;
import dev.strata.spec.Taint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One node as the scheduler sees it: labels, taints and what it can allocate (capacity − reserve). */
public record NodeInfo(String name, String group, boolean controlPlane, Optional<String> tier, Map<String, String> labels,
                       List<Taint> taints, Resources capacity, Resources allocatable) {

    /** The tier name for tables: the tier, or "control-plane", or "-". */
    public String tierName() {
        return tier.orElse(controlPlane ? "control-plane" : "-");
    }
}
