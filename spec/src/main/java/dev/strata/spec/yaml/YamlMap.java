package dev.strata.spec.yaml;

import dev.strata.catalog.Quantity;
import dev.strata.yaml.Suggestions;
import dev.strata.yaml.tree.YList;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML mapping read strictly: every key read is remembered, so that {@link #done()} can report
 * the keys nobody asked for (with a "did you mean" hint); type mistakes and duplicate keys are
 * added to {@link Problems} with the line they are on, and reading goes on.
 */
public final class YamlMap {

    /** What YAML 1.1 (and Kubernetes) reads as a boolean and YAML 1.2, which the spec follows, as a string. */
    private static final Set<String> YAML11_BOOLEANS = Set.of("yes", "no", "on", "off", "y", "n");

    private final YMap node;
    private final String path;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();

    private YamlMap(YMap node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** Reads {@code n} as a mapping, or reports that it is not one. */
    public static Optional<YamlMap> of(YNode n, String path, Problems problems) {
        if (n instanceof YMap m) {
            return Optional.of(new YamlMap(m, path, problems));
        }
        problems.add(n, path, "must be a mapping (key: value), found " + describe(n));
        return Optional.empty();
    }

    public YMap node() {
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
        return node.values().keySet();
    }

    /** The value node of {@code key}, if present and not null; marks the key as known. */
    public Optional<YNode> node(String key) {
        known.add(key);
        return node.get(key).filter(n -> !isNull(n));
    }

    public boolean has(String key) {
        return node.get(key).filter(n -> !isNull(n)).isPresent();
    }

    /** The key itself, at its line and in the file its value comes from. */
    public Optional<YNode> keyNode(String key) {
        Optional<YNode> value = node.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        YNode k = new YScalar(key, YScalar.Type.STRING, node.keyLine(key));
        problems.sameFile(k, value.get());
        return Optional.of(k);
    }

    public Optional<String> string(String key) {
        return node(key).flatMap(n -> {
            if (n instanceof YScalar s && s.isString()) {
                return Optional.of(s.value());
            }
            problems.add(n, pathOf(key), "must be a string, found " + describe(n)
                    + (n instanceof YScalar s ? "; quote it: \"" + s.value() + "\"" : ""));
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
            if (n instanceof YScalar s && s.type() == YScalar.Type.INT) {
                try {
                    return Optional.of(Integer.parseInt(s.value()));
                } catch (NumberFormatException e) {
                    problems.add(n, pathOf(key), "\"" + s.value() + "\" is out of range");
                    return Optional.empty();
                }
            }
            problems.add(n, pathOf(key), "must be a whole number, found " + describe(n));
            return Optional.empty();
        });
    }

    public Optional<Boolean> bool(String key) {
        return node(key).flatMap(n -> {
            if (n instanceof YScalar s && s.type() == YScalar.Type.BOOL) {
                return Optional.of(Boolean.parseBoolean(s.value()));
            }
            boolean yaml11 = n instanceof YScalar s && s.isString() && YAML11_BOOLEANS.contains(s.value().toLowerCase(Locale.ROOT));
            problems.add(n, pathOf(key), "must be true or false, found " + describe(n)
                    + (yaml11 ? "; write true or false" : ""));
            return Optional.empty();
        });
    }

    /** A resource quantity; {@code what} names the resource for the hint (cpu or memory). */
    public Optional<Quantity> quantity(String key, String what) {
        return node(key).flatMap(n -> {
            if (n instanceof YScalar s && (s.isString() || s.type() == YScalar.Type.INT || s.type() == YScalar.Type.FLOAT)) {
                Optional<Quantity> q = Quantity.tryParse(s.value());
                if (q.isEmpty()) {
                    problems.add(n, pathOf(key), "\"" + s.value() + "\" is not a quantity; "
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

    public Optional<List<YNode>> list(String key) {
        return node(key).flatMap(n -> {
            if (n instanceof YList s) {
                return Optional.of(s.items());
            }
            problems.add(n, pathOf(key), "must be a list, found " + describe(n));
            return Optional.empty();
        });
    }

    /** A list of strings, each checked to be a scalar string. */
    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        List<YNode> items = list(key).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            YNode n = items.get(i);
            if (n instanceof YScalar s && s.isString()) {
                out.add(s.value());
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
        for (String key : keys()) {
            if (!known.contains(key)) {
                problems.add(keyNode(key).orElseThrow(), pathOf(key), "unknown key" + suggestion(key, known));
            }
        }
    }

    /** "; did you mean x?" or "; known: a, b, c". */
    public static String suggestion(String given, Collection<String> known) {
        return Suggestions.closest(given, known, Math.max(2, given.length() / 3)).map(best -> "; did you mean " + best + "?")
                .orElse(known.isEmpty() ? "" : "; known: " + String.join(", ", known));
    }

    static boolean isNull(YNode n) {
        return n instanceof YScalar s && s.isNull();
    }

    public static String describe(YNode n) {
        if (n instanceof YMap) {
            return "a mapping";
        }
        if (n instanceof YList) {
            return "a list";
        }
        YScalar s = (YScalar) n;
        String kind = switch (s.type()) {
            case NULL -> "nothing";
            case INT, FLOAT -> "number";
            case BOOL -> "boolean";
            case STRING -> "string";
        };
        return s.isNull() ? kind : kind + " \"" + s.value() + "\"";
    }
}
