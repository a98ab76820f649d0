package dev.strata.charts.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Helm values as nested maps: dotted paths and a deep merge where the overlay wins. */
public final class Values {

    private Values() {
    }

    public static Optional<Object> get(Map<String, Object> values, String path) {
        Object cur = values;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m) || !m.containsKey(part)) {
                return Optional.empty();
            }
            cur = m.get(part);
        }
        return Optional.ofNullable(cur);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        overlay.forEach((k, v) -> {
            Object prior = out.get(k);
            if (prior instanceof Map<?, ?> pm && v instanceof Map<?, ?> vm) {
                out.put(k, merge((Map<String, Object>) pm, (Map<String, Object>) vm));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }
}
