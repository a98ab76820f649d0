package dev.strata.plan;

import dev.strata.plan.capacity.CapacityReport;
import dev.strata.plan.facts.PlatformFacts;
import dev.strata.plan.measure.Measurement;
import dev.strata.spec.PlatformSpec;

import java.util.List;
import java.util.Optional;

/**
 * What `strata plan` computes: the components in order, the releases with the values they install
 * with, their sync waves, the platform's facts, whether it all fits, and where each release's
 * figures come from (its chart rendered, or the catalog).
 */
public record Plan(PlatformSpec spec, List<ResolvedComponent> components, List<PlannedRelease> releases, List<Wave> waves,
                   PlatformFacts facts, CapacityReport capacity, Measurement measurement) {

    public boolean fits() {
        return capacity.fits();
    }

    public Optional<PlannedRelease> release(String name) {
        return releases.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The wave an item (release, bundle, app, "namespaces") syncs in. */
    public Optional<Integer> waveOf(String item) {
        for (Wave w : waves) {
            for (WaveItem i : w.items()) {
                if (i.name().equals(item)) {
                    return Optional.of(w.number());
                }
            }
        }
        return Optional.empty();
    }
}
