package dev.strata.spec;

/**
 * One thing wrong with a user's input: where it is and what to do.
 * Printed as {@code platform.yaml:12: spec.cluster.nodes[1].tier: "platfrom" is not a tier; known: platform, apps}.
 *
 * @param file the file as the user named it
 * @param line 1-based line, 0 when unknown
 * @param path the spec path ({@code spec.cluster.nodes[1].tier}), empty for whole-file problems
 */
public record Problem(String file, int line, String path, String message) {

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
        }
        b.append(": ");
        if (!path.isEmpty()) {
            b.append(path).append(": ");
        }
        return b.append(message).toString();
    }
}
