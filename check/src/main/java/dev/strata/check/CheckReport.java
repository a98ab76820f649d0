package dev.strata.check;

import java.util.List;

/**
 * The outcome of a check: findings (sorted by file, line, rule), the summary, what was skipped and
 * the inputs that could not be read at all.
 */
public record CheckReport(List<Finding> findings, Summary summary, List<Skipped> skipped,
                          List<InputError> inputErrors) {

    public CheckReport {
        findings = List.copyOf(findings);
        skipped = List.copyOf(skipped);
        inputErrors = List.copyOf(inputErrors);
    }

    public boolean hasErrors() {
        return summary.errors() > 0;
    }
}
