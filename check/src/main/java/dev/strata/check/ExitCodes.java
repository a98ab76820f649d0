package dev.strata.check;

import dev.strata.check.flows.FlowReport;

/**
 * The exit status of {@code strata check}, as a pure function of the report: 2 when an input could
 * not be read at all (a missing path, or nothing loadable), 1 when there is an error finding, else 0.
 */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int UNREADABLE = 2;

    private ExitCodes() {
    }

    /** {@code check --flows}: 0 whatever is blocked (the matrix is information, not a verdict), 2 when an input could not be read. */
    public static int of(FlowReport report) {
        return report.inputErrors().isEmpty() ? OK : UNREADABLE;
    }

    public static int of(CheckReport report) {
        if (!report.inputErrors().isEmpty()) {
            return UNREADABLE;
        }
        if (report.summary().objects() == 0
                && report.findings().stream().anyMatch(f -> f.rule().equals("yaml-syntax"))) {
            return UNREADABLE;
        }
        return report.summary().errors() > 0 ? FINDINGS : OK;
    }
}
