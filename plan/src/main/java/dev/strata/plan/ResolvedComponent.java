package dev.strata.plan;

import dev.strata.catalog.Component;
import dev.strata.catalog.Release;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * A catalog entry as this platform uses it: its mode, the releases installed in that mode, and
 * the spec's value overrides (merged over each release's tuned values by {@link #valuesOf}).
 */
public record ResolvedComponent(Component entry, Optional<String> mode, Map<String, Object> overrides, List<Release> releases,
                                String provider, String clusterName, SortedSet<String> platform) {

    public String id() {
        return entry.id();
    }

    /**
     * Values of {@code release} as installed: the catalog's tuned values, then its values for this
     * mode, then for this cluster provider ({@code ${cluster}} replaced by the cluster name), then
     * the spec's overrides.
     */
    public Map<String, Object> valuesOf(Release release) {
        return Values.merge(tunedValuesOf(release), overridesOf(release));
    }

    /** The catalog's values for this mode, provider and the other enabled components, before the spec's overrides. */
    public Map<String, Object> tunedValuesOf(Release release) {
        Map<String, Object> v = release.values();
        Optional<String> m = mode.or(entry::defaultMode);
        if (m.isPresent() && release.valuesByMode().containsKey(m.get())) {
            v = Values.merge(v, release.valuesByMode().get(m.get()));
        }
        if (release.valuesByProvider().containsKey(provider)) {
            v = Values.merge(v, Values.substitute(release.valuesByProvider().get(provider), "${cluster}", clusterName));
        }
        for (String other : platform) {
            if (release.valuesWith().containsKey(other)) {
                v = Values.merge(v, release.valuesWith().get(other));
            }
        }
        return v;
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
