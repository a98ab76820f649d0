package dev.strata.check.graph;

import dev.strata.yaml.tree.YMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Label selectors: equality maps and {@code matchLabels}/{@code matchExpressions}. */
public final class Selectors {

    private Selectors() {
    }

    /** Whether every pair of {@code selector} is in {@code labels}. An empty selector matches all. */
    public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** A {@code LabelSelector} (matchLabels + matchExpressions) against labels. */
    public static boolean matches(YMap labelSelector, Map<String, String> labels) {
        if (!matches(labelSelector.stringMap("matchLabels"), labels)) {
            return false;
        }
        for (YMap expr : labelSelector.maps("matchExpressions")) {
            String key = expr.strOr("key", "");
            String op = expr.strOr("operator", "");
            List<String> values = expr.strings("values");
            String actual = labels.get(key);
            boolean ok = switch (op) {
                case "In" -> actual != null && values.contains(actual);
                case "NotIn" -> actual == null || !values.contains(actual);
                case "Exists" -> actual != null;
                case "DoesNotExist" -> actual == null;
                default -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether a LabelSelector has no terms (selects everything). */
    public static boolean isEmpty(YMap labelSelector) {
        return labelSelector.stringMap("matchLabels").isEmpty() && labelSelector.maps("matchExpressions").isEmpty();
    }

    public static String display(Map<String, String> selector) {
        return selector.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    public static String display(YMap labelSelector) {
        String labels = display(labelSelector.stringMap("matchLabels"));
        String exprs = labelSelector.maps("matchExpressions").stream()
                .map(e -> e.strOr("key", "?") + " " + e.strOr("operator", "?").toLowerCase(Locale.ROOT)
                        + (e.strings("values").isEmpty() ? "" : " (" + String.join(",", e.strings("values")) + ")"))
                .collect(Collectors.joining(","));
        if (labels.isEmpty()) {
            return exprs;
        }
        return exprs.isEmpty() ? labels : labels + "," + exprs;
    }

    public static Optional<YMap> labelSelector(YMap parent, String key) {
        return parent.map(key);
    }
}
