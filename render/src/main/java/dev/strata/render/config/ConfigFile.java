package dev.strata.render.config;

import dev.strata.render.RenderedTree;
import dev.strata.yaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes one Kubernetes object to {@code <dir>/<kind-lowercase>-<name>.yaml} with a header saying
 * why it exists, and optionally comments next to particular lines (a label, a list item).
 */
final class ConfigFile {

    private ConfigFile() {
    }

    static String path(String dir, Map<String, Object> object) {
        return dir + "/" + fileName(object);
    }

    static String fileName(Map<String, Object> object) {
        String kind = ((String) object.get("kind")).toLowerCase(Locale.ROOT);
        @SuppressWarnings("unchecked")
        String name = (String) ((Map<String, Object>) object.get("metadata")).get("name");
        return kind + "-" + name + ".yaml";
    }

    static void write(RenderedTree out, String dir, List<String> header, Map<String, Object> object) {
        write(out, dir, header, object, List.of());
    }

    /**
     * @param lineComments comments put above the first line equal to {@link LineComment#line()}
     *                     (after stripping its indentation), indented like that line
     */
    static void write(RenderedTree out, String dir, List<String> header, Map<String, Object> object, List<LineComment> lineComments) {
        // A copy without shared instances: a map reused in two places would be dumped as a YAML
        // anchor and alias, which reads badly and numbers anchors by dump order.
        String body = Yaml.dump(unshared(object));
        for (LineComment c : lineComments) {
            body = insertAbove(body, c);
        }
        out.put(path(dir, object), Yaml.comment(header) + body);
    }

    static Object unshared(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> copy = m instanceof SortedMap<?, ?> ? new TreeMap<>() : new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, unshared(v)));
            return copy;
        }
        if (o instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(unshared(v)));
            return copy;
        }
        return o;
    }

    private static String insertAbove(String yaml, LineComment c) {
        List<String> lines = new ArrayList<>(yaml.lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.strip().equals(c.line())) {
                String indent = l.substring(0, l.length() - l.stripLeading().length());
                List<String> comment = c.comment().stream().map(x -> indent + "# " + x).toList();
                lines.addAll(i, comment);
                return String.join("\n", lines) + "\n";
            }
        }
        throw new IllegalStateException("no line \"" + c.line() + "\" to comment in rendered YAML");
    }

    /** A comment for the line whose text, without indentation, is {@code line}. */
    record LineComment(String line, List<String> comment) {
        static LineComment of(String line, String... comment) {
            return new LineComment(line, List.of(comment));
        }
    }
}
