package dev.strata.check;

/** Counts printed after the findings; {@code skipped} counts every skipped item. */
public record Summary(int objects, int files, int errors, int warnings, int skipped) {
}
