package dev.strata.spec;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Component;
import dev.strata.spec.yaml.Problems;
import dev.strata.spec.yaml.YamlMap;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
            Node key = m.keyNode(id).orElse(m.node());
            Optional<Component> entry = catalog.find(id);
            if (entry.isEmpty()) {
                m.node(id);
                String hint = YamlMap.suggestion(id, catalog.ids());
                problems.add(key, m.pathOf(id), "\"" + id + "\" is not a component"
                        + (hint.contains("did you mean") ? hint : "; `strata components` lists them"));
                continue;
            }
            Optional<Node> value = m.node(id);
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
                    if (!(v instanceof MappingNode)) {
                        problems.add(v, c.pathOf("values"), "must be a mapping of chart values, found " + YamlMap.describe(v));
                        return Map.<String, Object>of();
                    }
                    return toMap((MappingNode) v);
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
    static Map<String, Object> toMap(MappingNode m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                out.put(k.getValue(), toValue(t.getValueNode()));
            }
        }
        return out;
    }

    static Object toValue(Node n) {
        if (n instanceof MappingNode m) {
            return toMap(m);
        }
        if (n instanceof SequenceNode s) {
            return s.getValue().stream().map(ComponentsBinder::toValue).toList();
        }
        ScalarNode s = (ScalarNode) n;
        Tag t = s.getTag();
        if (t.equals(Tag.NULL)) {
            return null; // Helm reads a null value as "remove this default"; keep it
        }
        if (t.equals(Tag.BOOL)) {
            return Boolean.parseBoolean(s.getValue());
        }
        if (t.equals(Tag.INT)) {
            try {
                return Long.parseLong(s.getValue());
            } catch (NumberFormatException e) {
                return s.getValue();
            }
        }
        if (t.equals(Tag.FLOAT)) {
            try {
                return Double.parseDouble(s.getValue());
            } catch (NumberFormatException e) {
                return s.getValue();
            }
        }
        return s.getValue();
    }
}
