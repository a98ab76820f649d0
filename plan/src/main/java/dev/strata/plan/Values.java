package dev.strata.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Chart values as nested maps: dotted-path lookup and Helm-style deep merge. */
public final class Values {

    private Values() {
    }

    /** The value at {@code a.b.c}, if every step is a map that has the key. */
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

    /** Maps merge key by key; anything else in {@code overlay} replaces what {@code base} has. */
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

    /**
     * Sets {@code a.b.c} to {@code value}, creating maps on the way. A segment {@code name[i]}
     * steps into element {@code i} of an existing list (Helm's {@code --set} syntax).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> with(Map<String, Object> values, String path, Object value) {
        Map<String, Object> out = new LinkedHashMap<>(values);
        String[] parts = path.split("\\.", 2);
        Matcher indexed = Pattern.compile("^(.+)\\[(\\d+)]$").matcher(parts[0]);
        if (indexed.matches()) {
            String key = indexed.group(1);
            int index = Integer.parseInt(indexed.group(2));
            Object list = out.get(key);
            if (!(list instanceof List<?> l) || index >= l.size()) {
                throw new IllegalArgumentException("values key " + path + ": " + key + " has no element " + index);
            }
            List<Object> copy = new ArrayList<>(l);
            Object element = copy.get(index);
            if (parts.length == 1) {
                copy.set(index, value);
            } else {
                Map<String, Object> em = element instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                copy.set(index, with(em, parts[1], value));
            }
            out.put(key, copy);
            return out;
        }
        if (parts.length == 1) {
            out.put(parts[0], value);
            return out;
        }
        Object child = out.get(parts[0]);
        Map<String, Object> childMap = child instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        out.put(parts[0], with(childMap, parts[1], value));
        return out;
    }

    /** A copy with {@code token} replaced by {@code value} in every string. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> substitute(Map<String, Object> values, String token, String value) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, substituteValue(v, token, value)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object substituteValue(Object v, String token, String value) {
        if (v instanceof String s) {
            return s.replace(token, value);
        }
        if (v instanceof Map<?, ?> m) {
            return substitute((Map<String, Object>) m, token, value);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(x -> substituteValue(x, token, value)).toList();
        }
        return v;
    }

    public static boolean truthy(Object o) {
        return o instanceof Boolean b ? b : o != null && !(o instanceof List<?> l && l.isEmpty()) && !"false".equals(String.valueOf(o));
    }
}
