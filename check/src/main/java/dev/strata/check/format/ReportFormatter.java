package dev.strata.check.format;

import dev.strata.check.CheckReport;

/** Turns a report into text for a terminal, a file or a CI system. */
public interface ReportFormatter {

    String format(CheckReport report);
}
