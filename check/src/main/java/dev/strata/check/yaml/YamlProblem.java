package dev.strata.check.yaml;

/** Something that stopped a document from loading, at a 1-based line. */
public record YamlProblem(int line, String message) {
}
