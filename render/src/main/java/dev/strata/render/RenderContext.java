package dev.strata.render;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Release;
import dev.strata.plan.Plan;
import dev.strata.plan.PlannedRelease;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.Wave;
import dev.strata.plan.WaveItem;
import dev.strata.plan.facts.PlatformFacts;
import dev.strata.spec.PlatformSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every generator reads: the spec, its plan (releases with their values, waves) and the
 * platform's facts the plan publishes. Render computes nothing here; it only looks things up.
 */
public final class RenderContext {

    private final PlatformSpec spec;
    private final Plan plan;
    private final Catalog catalog;
    private final Map<String, Integer> waves = new LinkedHashMap<>();
    private final Map<String, String> reasons = new LinkedHashMap<>();

    public RenderContext(PlatformSpec spec, Plan plan, Catalog catalog) {
        this.spec = spec;
        this.plan = plan;
        this.catalog = catalog;
        for (Wave w : plan.waves()) {
            for (WaveItem i : w.items()) {
                waves.put(i.name(), w.number());
                reasons.put(i.name(), i.reason());
            }
        }
    }

    public PlatformSpec spec() {
        return spec;
    }

    public Plan plan() {
        return plan;
    }

    public PlatformFacts facts() {
        return plan.facts();
    }

    public Catalog catalog() {
        return catalog;
    }

    // --- waves -------------------------------------------------------------------------------

    public int wave(String item) {
        Integer w = waves.get(item);
        if (w == null) {
            throw new IllegalArgumentException("no wave for " + item);
        }
        return w;
    }

    public String waveReason(String item) {
        return reasons.getOrDefault(item, "");
    }

    public boolean hasWaveItem(String item) {
        return waves.containsKey(item);
    }

    // --- components and releases -------------------------------------------------------------

    public List<ResolvedComponent> components() {
        return plan.components();
    }

    public String namespaceOf(ResolvedComponent rc, Release r) {
        return rc.entry().namespaceOf(r);
    }

    /** The release as planned: namespace and the values it installs with. */
    public PlannedRelease release(Release r) {
        return plan.release(r.name()).orElseThrow(() -> new IllegalArgumentException("release " + r.name() + " is not planned"));
    }
}
