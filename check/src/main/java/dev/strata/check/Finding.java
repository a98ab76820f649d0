package dev.strata.check;

/** One problem found: which rule, on which object, where, and what to do. */
public record Finding(String rule, Severity severity, Category category, ObjectRef object, String file,
                      int line, String message, String remediation) {
}
