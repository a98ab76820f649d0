package dev.strata.check.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A mapping with string keys, in document order, remembering the line of each key. */
public final class YMap implements YNode {

    private static final YMap EMPTY = new YMap(Map.of(), Map.of(), 0, 1);

    private final Map<String, YNode> values;
    private final Map<String, Integer> keyLines;
    private final int line;
    private final long size;

    YMap(Map<String, YNode> values, Map<String, Integer> keyLines, int line, long size) {
        this.values = Collections.unmodifiableMap(values);
        this.keyLines = Collections.unmodifiableMap(keyLines);
        this.line = line;
        this.size = size;
    }

    public static YMap empty() {
        return EMPTY;
    }

    /** Builds a map; values keep insertion order. Used by tests and by loaders. */
    public static YMap of(Map<String, YNode> values, int line) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        long total = 1;
        for (Map.Entry<String, YNode> e : values.entrySet()) {
            lines.put(e.getKey(), e.getValue().line());
            total += e.getValue().size();
        }
        return new YMap(new LinkedHashMap<>(values), lines, line, total);
    }

    public Map<String, YNode> values() {
        return values;
    }

    public Optional<YNode> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Line of a key, or the map's own line when absent. */
    public int keyLine(String key) {
        Integer l = keyLines.get(key);
        return l == null ? line : l;
    }

    public Optional<YMap> map(String key) {
        return values.get(key) instanceof YMap m ? Optional.of(m) : Optional.empty();
    }

    public Optional<YList> list(String key) {
        return values.get(key) instanceof YList l ? Optional.of(l) : Optional.empty();
    }

    /** A scalar's text (strings, numbers, booleans); empty when absent, null or not a scalar. */
    public Optional<String> str(String key) {
        if (values.get(key) instanceof YScalar s && !s.isNull()) {
            return Optional.of(s.value());
        }
        return Optional.empty();
    }

    public String strOr(String key, String fallback) {
        return str(key).orElse(fallback);
    }

    public Optional<Boolean> bool(String key) {
        if (values.get(key) instanceof YScalar s && s.type() == YScalar.Type.BOOL) {
            return Optional.of(Boolean.parseBoolean(s.value().toLowerCase(java.util.Locale.ROOT)));
        }
        return Optional.empty();
    }

    public Optional<Long> integer(String key) {
        if (values.get(key) instanceof YScalar s && s.type() == YScalar.Type.INT) {
            try {
                return Optional.of(Long.decode(s.value().replace("_", "")));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Follows a dotted path of map keys, e.g. {@code path("spec", "template", "spec")}. */
    public Optional<YMap> path(String... keys) {
        YMap current = this;
        for (String key : keys) {
            Optional<YMap> next = current.map(key);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    /** A map of string values (labels, selectors); non-scalar entries are left out. */
    public Map<String, String> stringMap(String key) {
        Optional<YMap> m = map(key);
        if (m.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, YNode> e : m.get().values.entrySet()) {
            if (e.getValue() instanceof YScalar s) {
                out.put(e.getKey(), s.text());
            }
        }
        return out;
    }

    /** Items of a list that are maps. */
    public java.util.List<YMap> maps(String key) {
        Optional<YList> l = list(key);
        if (l.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<YMap> out = new java.util.ArrayList<>();
        for (YNode n : l.get().items()) {
            if (n instanceof YMap m) {
                out.add(m);
            }
        }
        return out;
    }

    /** Items of a list that are scalars, as text. */
    public java.util.List<String> strings(String key) {
        Optional<YList> l = list(key);
        if (l.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (YNode n : l.get().items()) {
            if (n instanceof YScalar s && !s.isNull()) {
                out.add(s.value());
            }
        }
        return out;
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String typeName() {
        return "object";
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
