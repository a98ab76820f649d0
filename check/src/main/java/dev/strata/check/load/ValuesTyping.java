package dev.strata.check.load;

import dev.strata.yaml.tree.YList;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import dev.strata.yaml.tree.YamlDocument;
import dev.strata.yaml.tree.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A values key whose type differs from the chart's own default, read as Helm reads values (YAML 1.1:
 * an unquoted {@code off} is the boolean false): Kong compares {@code env.database} with the string
 * "off" and fails on a boolean. Keys the chart does not set (or sets to null) are not compared, and a
 * default that YAML 1.1 could read either way ({@code on}, {@code yes}) is taken as either.
 */
final class ValuesTyping {

    static final String RULE = "values-type-mismatch";
    private static final Set<String> YAML11_BOOLEAN_WORDS = Set.of("y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "on", "On", "ON", "off", "Off", "OFF");

    private static final Pattern QUANTITY = Pattern.compile("[0-9]+(\\.[0-9]+)?([a-zA-Z]{1,2}|e[0-9]+)?");

    private ValuesTyping() {
    }

    static List<LoadProblem> check(Map<String, Object> defaults, List<Path> valuesFiles, Function<Path, String> display) {
        List<LoadProblem> out = new ArrayList<>();
        for (Path file : valuesFiles) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                continue;
            }
            for (YamlDocument doc : new YamlReader().read(text).documents()) {
                if (doc.root() instanceof YMap m) {
                    walk(m, defaults, "", display.apply(file), out);
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void walk(YMap given, Map<String, Object> defaults, String path, String file, List<LoadProblem> out) {
        for (int i = 0; i < given.keyCount(); i++) {
            String key = given.keyAt(i);
            YNode value = given.valueAt(i);
            String at = path.isEmpty() ? key : path + "." + key;
            Object def = defaults.get(key);
            if (def == null || value instanceof YScalar s && s.isNull()) {
                continue;
            }
            String expected = type(def);
            String actual = value.typeName().equals("integer") ? "number" : value.typeName();
            if (!compatible(def, expected, actual, value)) {
                out.add(new LoadProblem(RULE, file, given.keyLineAt(i), at + " is " + article(actual) + " " + actual
                        + (value instanceof YScalar sc ? " (" + sc.text() + ")" : "") + " but the chart's default is " + article(expected)
                        + " " + expected + describe(def) + "; Helm passes the " + actual + " through and the chart's templates expect "
                        + article(expected) + " " + expected));
            } else if (def instanceof Map<?, ?> dm && value instanceof YMap vm) {
                walk(vm, (Map<String, Object>) dm, at, file, out);
            }
        }
    }

    private static boolean compatible(Object def, String expected, String actual, YNode value) {
        if (expected.equals(actual)) {
            return true;
        }
        // Kubernetes quantities and durations are numbers or strings alike (cpu: 1 and cpu: "80m")
        if (expected.equals("number") && actual.equals("string") && value instanceof YScalar s && QUANTITY.matcher(s.text()).matches()
                || expected.equals("string") && actual.equals("number") && def instanceof String d && QUANTITY.matcher(d).matches()) {
            return true;
        }
        if (def instanceof String s && YAML11_BOOLEAN_WORDS.contains(s) && actual.equals("boolean")) {
            return true;
        }
        // an empty default ("", {}, []) often means "unset": a value of another kind fills it in
        if (def instanceof String s && s.isEmpty()) {
            return !actual.equals("boolean");
        }
        return def instanceof Map<?, ?> m && m.isEmpty() && actual.equals("array")
                || def instanceof List<?> l && l.isEmpty() && actual.equals("object");
    }

    private static String type(Object def) {
        return switch (def) {
            case Map<?, ?> m -> "object";
            case List<?> l -> "array";
            case Boolean b -> "boolean";
            case Number n -> "number";
            default -> "string";
        };
    }

    private static String describe(Object def) {
        return def instanceof Map<?, ?> || def instanceof List<?> ? "" : " (" + (def instanceof String s ? "\"" + s + "\"" : def) + ")";
    }

    private static String article(String type) {
        return type.startsWith("a") || type.startsWith("o") ? "an" : "a";
    }
}
