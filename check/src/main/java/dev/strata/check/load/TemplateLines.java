package dev.strata.check.load;

import dev.strata.check.graph.Resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in a Helm template each object it renders is written: the n-th object of a kind in the
 * rendered part is put at the n-th {@code kind: Kind} line of the template (or the {@code apiVersion}
 * line just above it), so that a finding points at the template line a person edits. A template
 * whose kinds do not line up with its output (a kind computed by a template expression, objects in a
 * loop) leaves its objects where they were: at the template file, line 1.
 */
final class TemplateLines {

    private static final Pattern KIND = Pattern.compile("^kind:\\s*[\"']?([A-Za-z0-9]+)[\"']?\\s*(#.*)?$");
    private static final TemplateLines NONE = new TemplateLines(Map.of());

    /** Lines of {@code kind:} per kind, in order. */
    private final Map<String, List<Integer>> lines;
    private final Map<String, Integer> seen = new HashMap<>();
    private final Map<String, Integer> rendered = new HashMap<>();

    private TemplateLines(Map<String, List<Integer>> lines) {
        this.lines = lines;
    }

    static TemplateLines of(Path template) {
        if (template == null) {
            return NONE;
        }
        List<String> text;
        try {
            text = Files.readAllLines(template);
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
        Map<String, List<Integer>> out = new HashMap<>();
        for (int i = 0; i < text.size(); i++) {
            Matcher m = KIND.matcher(text.get(i));
            if (m.matches()) {
                boolean apiVersionAbove = i > 0 && text.get(i - 1).startsWith("apiVersion:");
                out.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(apiVersionAbove ? i : i + 1);
            }
        }
        return new TemplateLines(out);
    }

    /** The objects rendered from the template, for {@link #place}: a kind is placed only where the counts agree. */
    TemplateLines rendered(List<Resource> objects) {
        objects.forEach(r -> rendered.merge(r.kind(), 1, Integer::sum));
        return this;
    }

    /**
     * The object placed at its line in the template when the template writes that kind exactly as many
     * times as it rendered it (no object left out by a condition, none repeated by a loop); else as it was.
     */
    Resource place(Resource r, String file) {
        List<Integer> candidates = lines.get(r.kind());
        if (candidates == null || candidates.size() != rendered.getOrDefault(r.kind(), 0)) {
            return r;
        }
        int n = seen.merge(r.kind(), 1, Integer::sum) - 1;
        return n < candidates.size() ? r.placedAt(file, candidates.get(n)) : r;
    }
}
