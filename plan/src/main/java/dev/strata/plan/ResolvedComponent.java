package dev.strata.plan;

import dev.strata.catalog.Component;
import dev.strata.catalog.Release;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog entry as this platform uses it: its mode, the releases installed in that mode, and
 * the spec's value overrides (merged over each release's tuned values by {@link #valuesOf}).
 */
public record ResolvedComponent(Component entry, Optional<String> mode, Map<String, Object> overrides, List<Release> releases) {

    public String id() {
        return entry.id();
    }

    /** Tuned values of {@code release} for this mode, with the spec's overrides on top. */
    public Map<String, Object> valuesOf(Release release) {
        Map<String, Object> v = release.values();
        Optional<String> m = mode.or(entry::defaultMode);
        if (m.isPresent() && release.valuesByMode().containsKey(m.get())) {
            v = Values.merge(v, release.valuesByMode().get(m.get()));
        }
        return Values.merge(v, overridesOf(release));
    }

    /**
     * The spec's overrides for one release: the whole {@code values} map for a single-release
     * component, {@code values.<release name>} for components with several releases (Istio's
     * base, istiod, cni and ztunnel each take their own values).
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> overridesOf(Release release) {
        if (entry.releases().size() <= 1) {
            return overrides;
        }
        Object o = overrides.get(release.name());
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
