package dev.strata.check.load;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Splits {@code helm template} output at its {@code # Source: chart/templates/x.yaml} comments so that
 * each object keeps the template file it came from.
 */
final class HelmOutput {

    /** YAML of one template and the file to report it under. */
    record Part(String file, String yaml) {
    }

    private HelmOutput() {
    }

    /**
     * @param chartFile   file for output before the first Source comment (Chart.yaml)
     * @param displayPath maps a chart-relative template path to the file shown to users
     */
    static List<Part> split(String yaml, String chartFile, UnaryOperator<String> displayPath) {
        List<Part> parts = new ArrayList<>();
        String currentFile = chartFile;
        StringBuilder chunk = new StringBuilder();
        for (String line : yaml.split("\n", -1)) {
            if (line.startsWith("# Source: ")) {
                add(parts, currentFile, chunk);
                String source = line.substring("# Source: ".length()).strip();
                int slash = source.indexOf('/');
                currentFile = displayPath.apply(slash < 0 ? source : source.substring(slash + 1));
            }
            chunk.append(line).append('\n');
        }
        add(parts, currentFile, chunk);
        return parts;
    }

    private static void add(List<Part> parts, String file, StringBuilder chunk) {
        if (!chunk.toString().isBlank()) {
            parts.add(new Part(file, chunk.toString()));
        }
        chunk.setLength(0);
    }
}
