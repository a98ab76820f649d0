package dev.strata.yaml;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which plain strings a YAML 1.1 reader takes for something else. Helm reads values files, and
 * Kubernetes reads manifests, with go-yaml v2 (through sigs.k8s.io/yaml): besides the YAML 1.2
 * core schema it resolves {@code on/off/yes/no/y/n} as booleans, {@code 0755} as octal,
 * {@code 1e3} as a float, {@code 12:30} as a base-60 integer and {@code 2024-01-01} as a
 * timestamp. A string Strata means as a string must be quoted when it looks like any of these —
 * Kong's {@code database: off} unquoted is the boolean {@code false}, and its chart then fails.
 *
 * <p>Sources: the YAML 1.1 type repository (yaml.org/type: bool, null, int, float, timestamp) and
 * go-yaml v2 {@code resolve.go} (its resolve table, {@code strconv.ParseInt(plain, 0, 64)} after
 * dropping underscores, and the {@code yamlStyleFloat} pattern). Quoting more than strictly needed
 * is harmless; quoting less changes a value.
 */
public final class Yaml11 {

    private static final Set<String> WORDS = Set.of(
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "true", "True", "TRUE", "false", "False", "FALSE",
            "on", "On", "ON", "off", "Off", "OFF",
            "~", "null", "Null", "NULL",
            ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
            ".nan", ".NaN", ".NAN",
            "<<", "=");

    /** Integers in every base go-yaml v2 accepts (ParseInt with base 0, underscores dropped) and YAML 1.1's base 60. */
    private static final Pattern INT = Pattern.compile(
            "[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*|[1-9][0-9_]*(:[0-5]?[0-9])+)");

    /** Floats as go-yaml v2's yamlStyleFloat reads them, and YAML 1.1's dotted and base-60 floats. */
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9_]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*");

    /** YAML 1.1 timestamps (2001-12-14, 2001-12-14t21:59:43.10-05:00, 2001-12-14 21:59:43.10 -5). */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \\t]+)?([0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?)?([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?");

    private Yaml11() {
    }

    /** Whether a YAML 1.1 reader (go-yaml v2, SnakeYAML) resolves this plain scalar to something other than a string. */
    public static boolean readsAsNonString(String s) {
        if (s.isEmpty()) {
            return true;
        }
        if (WORDS.contains(s)) {
            return true;
        }
        char c = s.charAt(0);
        boolean numeric = Character.isDigit(c) || c == '+' || c == '-' || c == '.';
        return numeric && (INT.matcher(s).matches() || FLOAT.matcher(s).matches() || TIMESTAMP.matcher(s).matches());
    }
}
