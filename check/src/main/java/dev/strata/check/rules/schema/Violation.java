package dev.strata.check.rules.schema;

/** A schema problem at a JSON path and a line. */
public record Violation(Kind kind, String path, int line, String message) {

    public enum Kind { UNKNOWN_FIELD, WRONG_TYPE }
}
