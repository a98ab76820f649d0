package dev.strata.check;

/**
 * Something that was not checked, with the reason: a non-YAML file, a Kustomize directory with no
 * kustomize binary, a chart calling {@code lookup}, an object with no schema, a rule that needs a
 * cluster model.
 */
public record Skipped(String what, String reason) {
}
