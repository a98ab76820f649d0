package dev.strata.plan;

import dev.strata.plan.capacity.CapacityReport;
import dev.strata.spec.PlatformSpec;

import java.util.List;

/** What `strata plan` computes: the components in order, their sync waves, and whether they fit. */
public record Plan(PlatformSpec spec, List<ResolvedComponent> components, List<Wave> waves, CapacityReport capacity) {

    public boolean fits() {
        return capacity.fits();
    }
}
