package dev.strata.spec;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Component;
import dev.strata.spec.yaml.Problems;
import dev.strata.spec.yaml.YamlMap;
import dev.strata.yaml.tree.YList;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Binds {@code spec.components}: catalog entries switched on or off, with their modes and value overrides. */
final class ComponentsBinder extends SectionBinder {

    private final Catalog catalog;

    ComponentsBinder(Catalog catalog, Problems problems) {
        super(problems);
        this.catalog = catalog;
    }

    Map<String, ComponentChoice> bind(YamlMap m) {
        Map<String, ComponentChoice> out = new TreeMap<>();
        for (String id : m.keys()) {
            YNode key = m.keyNode(id).orElse(m.node());
            Optional<Component> entry = catalog.find(id);
            if (entry.isEmpty()) {
                m.node(id);
                String hint = YamlMap.suggestion(id, catalog.ids());
                problems.add(key, m.pathOf(id), "\"" + id + "\" is not a component"
                        + (hint.contains("did you mean") ? hint : "; `strata components` lists them"));
                continue;
            }
            Optional<YNode> value = m.node(id);
            if (value.isEmpty()) {
                out.put(id, new ComponentChoice(id, true, Optional.empty(), Map.of()));
                continue;
            }
            YamlMap.of(value.get(), m.pathOf(id), problems).ifPresent(c -> {
                boolean enabled = c.bool("enabled").orElse(true);
                Optional<String> mode = c.string("mode");
                mode.ifPresent(md -> {
                    Component comp = entry.get();
                    if (comp.modes().isEmpty()) {
                        problems.add(c.node("mode").orElseThrow(), c.pathOf("mode"), id + " has no modes; remove mode");
                    } else if (!comp.modes().contains(md)) {
                        problems.add(c.node("mode").orElseThrow(), c.pathOf("mode"), "\"" + md + "\" is not a mode of " + id + "; known: " + String.join(", ", comp.modes()));
                    }
                });
                Map<String, Object> values = c.node("values").map(v -> {
                    if (!(v instanceof YMap)) {
                        problems.add(v, c.pathOf("values"), "must be a mapping of chart values, found " + YamlMap.describe(v));
                        return Map.<String, Object>of();
                    }
                    return toMap((YMap) v);
                }).orElse(Map.of());
                Optional<String> inert = c.string("inert");
                inert.filter(String::isBlank).ifPresent(x -> problems.add(c.node("inert").orElseThrow(), c.pathOf("inert"),
                        "must say why the component does nothing (a sentence), or be left out"));
                c.done();
                out.put(id, new ComponentChoice(id, enabled, mode, values, inert));
            });
        }
        return out;
    }

    /** Plain Java values of a mapping node (chart values overrides). */
    static Map<String, Object> toMap(YMap m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < m.keyCount(); i++) {
            out.put(m.keyAt(i), toValue(m.valueAt(i)));
        }
        return out;
    }

    static Object toValue(YNode n) {
        if (n instanceof YMap m) {
            return toMap(m);
        }
        if (n instanceof YList s) {
            return s.items().stream().map(ComponentsBinder::toValue).toList();
        }
        YScalar s = (YScalar) n;
        return switch (s.type()) {
            case NULL -> null; // Helm reads a null value as "remove this default"; keep it
            case BOOL -> Boolean.parseBoolean(s.value());
            case INT -> parsed(s.value(), Long::parseLong);
            case FLOAT -> parsed(s.value(), Double::parseDouble);
            case STRING -> s.value();
        };
    }

    private static Object parsed(String text, Function<String, Object> parse) {
        try {
            return parse.apply(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
