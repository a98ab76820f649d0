package dev.strata.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds Kubernetes objects as ordered maps: apiVersion, kind, metadata first, then the body in
 * the order the generator adds it. Labels and annotations are sorted (their order means nothing).
 */
public final class Obj {

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, Object> metadata = new LinkedHashMap<>();

    private Obj(String apiVersion, String kind, String name) {
        root.put("apiVersion", apiVersion);
        root.put("kind", kind);
        root.put("metadata", metadata);
        metadata.put("name", name);
    }

    public static Obj of(String apiVersion, String kind, String name) {
        return new Obj(apiVersion, kind, name);
    }

    public Obj namespace(String namespace) {
        Object name = metadata.remove("name");
        Map<String, Object> rest = new LinkedHashMap<>(metadata);
        metadata.clear();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        metadata.putAll(rest);
        return this;
    }

    public Obj labels(Map<String, String> labels) {
        if (!labels.isEmpty()) {
        @SuppressWarnings("unchecked")
            Map<String, Object> l = (Map<String, Object>) metadata.computeIfAbsent("labels", k -> new TreeMap<String, Object>());
            l.putAll(labels);
        }
        return this;
    }

    public Obj annotations(Map<String, String> annotations) {
        if (!annotations.isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> a = (Map<String, Object>) metadata.computeIfAbsent("annotations", k -> new TreeMap<String, Object>());
            a.putAll(annotations);
        }
        return this;
    }

    public Obj metadata(String key, Object value) {
        metadata.put(key, value);
        return this;
    }

    public Obj put(String key, Object value) {
        root.put(key, value);
        return this;
    }

    public Map<String, Object> build() {
        return root;
    }

    /** An ordered map from alternating keys and values: {@code map("name", "x", "port", 80)}. */
    public static Map<String, Object> map(Object... kv) {
        if (kv.length % 2 != 0) {
            throw new IllegalArgumentException("map needs key/value pairs");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    public static List<Object> list(Object... items) {
        return List.of(items);
    }
}
