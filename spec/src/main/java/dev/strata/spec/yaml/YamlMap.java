package dev.strata.spec.yaml;

import dev.strata.yaml.Suggestions;

import dev.strata.catalog.Quantity;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML mapping read strictly: every key read is remembered, so that {@link #done()} can report
 * the keys nobody asked for (with a "did you mean" hint); type mistakes and duplicate keys are
 * added to {@link Problems} with the line they are on, and reading goes on.
 */
public final class YamlMap {

    private final MappingNode node;
    private final String path;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    private YamlMap(MappingNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problems.add(t.getKeyNode(), path, "keys must be plain strings");
                continue;
            }
            entries.putIfAbsent(k.getValue(), t); // duplicates were reported by SafeYaml.compose
        }
    }

    /** Reads {@code n} as a mapping, or reports that it is not one. */
    public static Optional<YamlMap> of(Node n, String path, Problems problems) {
        if (n instanceof MappingNode m) {
            return Optional.of(new YamlMap(m, path, problems));
        }
        problems.add(n, path, "must be a mapping (key: value), found " + describe(n));
        return Optional.empty();
    }

    public Node node() {
        return node;
    }

    public String path() {
        return path;
    }

    public Problems problems() {
        return problems;
    }

    public String pathOf(String key) {
        return join(path, key);
    }

    public static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    /** The value node of {@code key}, if present and not null; marks the key as known. */
    public Optional<Node> node(String key) {
        known.add(key);
        NodeTuple t = entries.get(key);
        if (t == null || isNull(t.getValueNode())) {
            return Optional.empty();
        }
        return Optional.of(t.getValueNode());
    }

    public boolean has(String key) {
        return entries.containsKey(key) && !isNull(entries.get(key).getValueNode());
    }

    public Optional<Node> keyNode(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? Optional.empty() : Optional.of(t.getKeyNode());
    }

    public Optional<String> string(String key) {
        return node(key).flatMap(n -> {
            if (n instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
                return Optional.of(s.getValue());
            }
            problems.add(n, pathOf(key), "must be a string, found " + describe(n)
                    + (n instanceof ScalarNode ? "; quote it: \"" + ((ScalarNode) n).getValue() + "\"" : ""));
            return Optional.empty();
        });
    }

    public Optional<String> requiredString(String key, String hint) {
        if (!has(key)) {
            missing(key, hint);
            known.add(key);
            return Optional.empty();
        }
        return string(key);
    }

    public void missing(String key, String hint) {
        problems.add(node, pathOf(key), "is required" + (hint.isEmpty() ? "" : "; " + hint));
    }

    public Optional<Integer> integer(String key) {
        return node(key).flatMap(n -> {
            if (n instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
                try {
                    return Optional.of(Integer.parseInt(s.getValue()));
                } catch (NumberFormatException e) {
                    problems.add(n, pathOf(key), "\"" + s.getValue() + "\" is out of range");
                    return Optional.empty();
                }
            }
            problems.add(n, pathOf(key), "must be a whole number, found " + describe(n));
            return Optional.empty();
        });
    }

    public Optional<Boolean> bool(String key) {
        return node(key).flatMap(n -> {
            if (n instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
                return Optional.of(Boolean.parseBoolean(s.getValue()));
            }
            problems.add(n, pathOf(key), "must be true or false, found " + describe(n));
            return Optional.empty();
        });
    }

    /** A resource quantity; {@code what} names the resource for the hint (cpu or memory). */
    public Optional<Quantity> quantity(String key, String what) {
        return node(key).flatMap(n -> {
            if (n instanceof ScalarNode s && (s.getTag().equals(Tag.STR) || s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
                Optional<Quantity> q = Quantity.tryParse(s.getValue());
                if (q.isEmpty()) {
                    problems.add(n, pathOf(key), "\"" + s.getValue() + "\" is not a quantity; "
                            + ("cpu".equals(what) ? "use cores (2, 0.5) or millicores (500m)" : "use binary units such as 512Mi or 4Gi (Gb, MB and spaces are not units)"));
                }
                return q;
            }
            problems.add(n, pathOf(key), "must be a quantity, found " + describe(n));
            return Optional.empty();
        });
    }

    public Optional<YamlMap> map(String key) {
        return node(key).flatMap(n -> of(n, pathOf(key), problems));
    }

    public Optional<List<Node>> list(String key) {
        return node(key).flatMap(n -> {
            if (n instanceof SequenceNode s) {
                return Optional.of(s.getValue());
            }
            problems.add(n, pathOf(key), "must be a list, found " + describe(n));
            return Optional.empty();
        });
    }

    /** A list of strings, each checked to be a scalar string. */
    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        List<Node> items = list(key).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            Node n = items.get(i);
            if (n instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
                out.add(s.getValue());
            } else {
                problems.add(n, pathOf(key) + "[" + i + "]", "must be a string, found " + describe(n));
            }
        }
        return out;
    }

    /** A mapping of string keys to string values (labels, annotations). */
    public Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        map(key).ifPresent(m -> {
            for (String k : m.keys()) {
                m.string(k).ifPresent(v -> out.put(k, v));
            }
        });
        return out;
    }

    /** Reports every key that was never asked for, suggesting the closest known one. */
    public void done() {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                problems.add(e.getValue().getKeyNode(), pathOf(e.getKey()), "unknown key" + suggestion(e.getKey(), known));
            }
        }
    }

    /** "; did you mean x?" or "; known: a, b, c". */
    public static String suggestion(String given, Collection<String> known) {
        return Suggestions.closest(given, known, Math.max(2, given.length() / 3)).map(best -> "; did you mean " + best + "?")
                .orElse(known.isEmpty() ? "" : "; known: " + String.join(", ", known));
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    public static String describe(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) n;
        Tag t = s.getTag();
        if (t.equals(Tag.NULL)) {
            return "nothing";
        }
        String kind = t.equals(Tag.INT) ? "number" : t.equals(Tag.FLOAT) ? "number" : t.equals(Tag.BOOL) ? "boolean" : "string";
        return kind + " \"" + s.getValue() + "\"";
    }
}
