package dev.strata.render.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds one Mermaid flowchart. Node ids are reduced to letters, digits and underscores with a
 * prefix (so that names like {@code cert-manager}, {@code 2fa} or the keyword {@code end} cannot
 * break the diagram); labels are always quoted, with quotes, pipes and angle brackets escaped as Mermaid's numeric entities ({@code #34;}).
 */
final class Mermaid {

    private final List<String> lines = new ArrayList<>();
    private int depth = 1;

    private Mermaid(String header) {
        lines.add(header);
    }

    static Mermaid flowchart(String direction) {
        return new Mermaid("flowchart " + direction);
    }

    /** A safe node id: {@code prefix_} + the name with every other character turned into {@code _}. */
    static String id(String prefix, String name) {
        return prefix + "_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    /** A quoted label; lines are joined with {@code <br/>}. */
    static String label(String... textLines) {
        List<String> escaped = new ArrayList<>();
        for (String t : textLines) {
            escaped.add(t.replace("&", "#38;").replace("\"", "#34;").replace("<", "#60;").replace(">", "#62;")
                    .replace("|", "#124;").replace("`", "#96;"));
        }
        return "\"" + String.join("<br/>", escaped) + "\"";
    }

    Mermaid node(String id, String shapeOpen, String shapeClose, String... label) {
        return line(id + shapeOpen + label(label) + shapeClose);
    }

    Mermaid box(String id, String... label) {
        return node(id, "[", "]", label);
    }

    Mermaid round(String id, String... label) {
        return node(id, "([", "])", label);
    }

    Mermaid store(String id, String... label) {
        return node(id, "[(", ")]", label);
    }

    Mermaid edge(String from, String to) {
        return line(from + " --> " + to);
    }

    Mermaid edge(String from, String to, String text) {
        return line(from + " -->|" + label(text) + "| " + to);
    }

    Mermaid dotted(String from, String to, String text) {
        return line(from + " -.->|" + label(text) + "| " + to);
    }

    Mermaid subgraph(String id, String title) {
        line("subgraph " + id + " [" + label(title) + "]");
        depth++;
        return this;
    }

    Mermaid end() {
        depth--;
        return line("end");
    }

    private Mermaid line(String l) {
        lines.add("  ".repeat(depth) + l);
        return this;
    }

    /** The diagram as a fenced Markdown block. */
    String block() {
        if (depth != 1) {
            throw new IllegalStateException("unclosed subgraph in diagram");
        }
        return "```mermaid\n" + String.join("\n", lines) + "\n```\n";
    }
}
