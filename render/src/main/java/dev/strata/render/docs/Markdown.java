package dev.strata.render.docs;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table: cells escaped so that a pipe or a newline in a value cannot break the row. */
final class Markdown {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    private Markdown(List<String> header) {
        this.header = header;
    }

    static Markdown table(String... header) {
        return new Markdown(List.of(header));
    }

    Markdown row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + header.size() + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    String render() {
        StringBuilder b = new StringBuilder();
        b.append(line(header));
        b.append(line(header.stream().map(h -> "---").toList()));
        for (List<String> r : rows) {
            b.append(line(r));
        }
        return b.toString();
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(Markdown::cell).toList()) + " |\n";
    }

    static String cell(String s) {
        return s.isEmpty() ? "-" : s.replace("|", "\\|").replace("\n", " ");
    }

    static String code(String s) {
        return "`" + s + "`";
    }
}
