package dev.strata.yaml.tree;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/** A mapping with string keys, in document order, remembering the line of each key. */
public final class YMap implements YNode {

    private static final YMap EMPTY = new YMap(new String[0], new YNode[0], new int[0], 0, 1);
    private static final int INDEX_ABOVE = 12;

    private final String[] keys;
    private final YNode[] vals;
    private final int[] lines;
    private final int line;
    private final long size;
    private final Map<String, Integer> index;
    private Map<String, YNode> view;

    /** Keys, values and key lines in document order; arrays are owned by the new map. */
    YMap(String[] keys, YNode[] vals, int[] lines, int line, long size) {
        this.keys = keys;
        this.vals = vals;
        this.lines = lines;
        this.line = line;
        this.size = size;
        if (keys.length > INDEX_ABOVE) {
            Map<String, Integer> idx = new HashMap<>(keys.length * 2);
            for (int i = 0; i < keys.length; i++) {
                idx.put(keys[i], i);
            }
            this.index = idx;
        } else {
            this.index = null;
        }
    }

    public static YMap empty() {
        return EMPTY;
    }

    /** Builds a map; values keep insertion order. Used by tests and by loaders. */
    public static YMap of(Map<String, YNode> values, int line) {
        String[] k = new String[values.size()];
        YNode[] v = new YNode[values.size()];
        int[] l = new int[values.size()];
        long total = 1;
        int i = 0;
        for (Map.Entry<String, YNode> e : values.entrySet()) {
            k[i] = e.getKey();
            v[i] = e.getValue();
            l[i] = e.getValue().line();
            total += e.getValue().size();
            i++;
        }
        return new YMap(k, v, l, line, total);
    }

    /** Builds a map from parallel lists of keys, values and the lines the keys are on (a merge of two trees). */
    public static YMap of(List<String> keys, List<YNode> values, List<Integer> keyLines, int line) {
        int n = keys.size();
        if (values.size() != n || keyLines.size() != n) {
            throw new IllegalArgumentException("keys, values and key lines differ in length");
        }
        String[] k = keys.toArray(new String[0]);
        YNode[] v = values.toArray(new YNode[0]);
        int[] l = new int[n];
        long total = 1;
        for (int i = 0; i < n; i++) {
            l[i] = keyLines.get(i);
            total += v[i].size();
        }
        return new YMap(k, v, l, line, total);
    }

    private int find(String key) {
        if (index != null) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private YNode raw(String key) {
        int i = find(key);
        return i < 0 ? null : vals[i];
    }

    public int keyCount() {
        return keys.length;
    }

    /** Key at a position (document order). */
    public String keyAt(int i) {
        return keys[i];
    }

    public YNode valueAt(int i) {
        return vals[i];
    }

    public int keyLineAt(int i) {
        return lines[i];
    }

    /** An unmodifiable view in document order. */
    public Map<String, YNode> values() {
        if (view == null) {
            view = new AbstractMap<>() {
                @Override
                public Set<Map.Entry<String, YNode>> entrySet() {
                    return new AbstractSet<>() {
                        @Override
                        public Iterator<Map.Entry<String, YNode>> iterator() {
                            return new Iterator<>() {
                                private int i;

                                @Override
                                public boolean hasNext() {
                                    return i < keys.length;
                                }

                                @Override
                                public Map.Entry<String, YNode> next() {
                                    if (i >= keys.length) {
                                        throw new NoSuchElementException();
                                    }
                                    Map.Entry<String, YNode> e = Map.entry(keys[i], vals[i]);
                                    i++;
                                    return e;
                                }
                            };
                        }

                        @Override
                        public int size() {
                            return keys.length;
                        }
                    };
                }

                @Override
                public YNode get(Object key) {
                    return key instanceof String k ? raw(k) : null;
                }

                @Override
                public boolean containsKey(Object key) {
                    return key instanceof String k && find(k) >= 0;
                }
            };
        }
        return view;
    }

    public Optional<YNode> get(String key) {
        return Optional.ofNullable(raw(key));
    }

    public boolean has(String key) {
        return find(key) >= 0;
    }

    /** Line of a key, or the map's own line when absent. */
    public int keyLine(String key) {
        int i = find(key);
        return i < 0 ? line : lines[i];
    }

    public Optional<YMap> map(String key) {
        return raw(key) instanceof YMap m ? Optional.of(m) : Optional.empty();
    }

    public Optional<YList> list(String key) {
        return raw(key) instanceof YList l ? Optional.of(l) : Optional.empty();
    }

    /** A scalar's text (strings, numbers, booleans); empty when absent, null or not a scalar. */
    public Optional<String> str(String key) {
        if (raw(key) instanceof YScalar s && !s.isNull()) {
            return Optional.of(s.value());
        }
        return Optional.empty();
    }

    public String strOr(String key, String fallback) {
        return str(key).orElse(fallback);
    }

    public Optional<Boolean> bool(String key) {
        if (raw(key) instanceof YScalar s && s.type() == YScalar.Type.BOOL) {
            return Optional.of(s.isTrue());
        }
        return Optional.empty();
    }

    public Optional<Long> integer(String key) {
        if (raw(key) instanceof YScalar s && s.type() == YScalar.Type.INT) {
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
        YMap sub = m.get();
        for (int i = 0; i < sub.keys.length; i++) {
            if (sub.vals[i] instanceof YScalar s) {
                out.put(sub.keys[i], s.text());
            }
        }
        return out;
    }

    /** Items of a list that are maps. */
    public List<YMap> maps(String key) {
        Optional<YList> l = list(key);
        if (l.isEmpty()) {
            return List.of();
        }
        List<YMap> out = new ArrayList<>();
        for (YNode n : l.get().items()) {
            if (n instanceof YMap m) {
                out.add(m);
            }
        }
        return out;
    }

    /** Items of a list that are scalars, as text. */
    public List<String> strings(String key) {
        Optional<YList> l = list(key);
        if (l.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
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
        return values().toString();
    }
}
