package dev.strata.check.load;

import dev.strata.yaml.Yaml;
import dev.strata.yaml.tree.YList;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import dev.strata.yaml.tree.YamlDocument;
import dev.strata.yaml.tree.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values an Argo CD Application gives its chart besides value files, as one YAML document
 * applied after them: {@code helm.valuesObject} (or the {@code helm.values} string), then
 * {@code helm.parameters} on top, as {@code helm template --set} applies them.
 */
public final class InlineValues {

    private InlineValues() {
    }

    public static Optional<String> of(YMap helm) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (helm.get("valuesObject").isPresent()) {
            if (plain(helm.get("valuesObject").get()) instanceof Map<?, ?> m) {
                m.forEach((k, v) -> values.put(String.valueOf(k), v));
            }
        } else if (helm.str("values").isPresent()) {
            YamlReader.Result parsed = new YamlReader().read(helm.str("values").get());
            for (YamlDocument d : parsed.documents()) {
                if (plain(d.root()) instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> values.put(String.valueOf(k), v));
                }
            }
        }
        for (YMap p : helm.maps("parameters")) {
            Optional<String> name = p.str("name");
            if (name.isPresent()) {
                set(values, name.get(), p.get("value").map(InlineValues::plain).orElse(""));
            }
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(Yaml.dump(values));
    }

    /** A YAML node as plain Java values (maps, lists, strings, numbers, booleans, null). */
    static Object plain(YNode node) {
        return switch (node) {
            case YMap m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < m.keyCount(); i++) {
                    out.put(m.keyAt(i), plain(m.valueAt(i)));
                }
                yield out;
            }
            case YList l -> {
                List<Object> out = new ArrayList<>();
                l.items().forEach(i -> out.add(plain(i)));
                yield out;
            }
            case YScalar s -> switch (s.type()) {
                case NULL -> null;
                case BOOL -> s.isTrue();
                case INT -> parseLong(s.value());
                case FLOAT -> parseDouble(s.value());
                case STRING -> s.value();
            };
        };
    }

    private static Object parseLong(String v) {
        try {
            return Long.decode(v.replace("_", ""));
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static Object parseDouble(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** Helm's {@code --set a.b.c=v} for dotted names (no list indexes); also Flux's valuesFrom targetPath. */
    @SuppressWarnings("unchecked")
    public static void set(Map<String, Object> values, String name, Object value) {
        String[] parts = name.split("\\.");
        Map<String, Object> cur = values;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = cur.get(parts[i]);
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                cur.put(parts[i], next);
            }
            cur = (Map<String, Object>) next;
        }
        cur.put(parts[parts.length - 1], value);
    }
}
