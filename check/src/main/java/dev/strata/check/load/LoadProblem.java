package dev.strata.check.load;

/**
 * A problem found while loading, reported as a finding of a loader rule ({@code yaml-syntax} or
 * {@code render-failed}) at {@code file:line}.
 */
public record LoadProblem(String rule, String file, int line, String message) {
}
