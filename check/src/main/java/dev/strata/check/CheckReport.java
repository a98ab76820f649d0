package dev.strata.check;

import java.util.List;
import java.util.ArrayList;
import java.util.Comparator;

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

    /** Several reports as one: findings in order, counts added up. */
    public static CheckReport merge(List<CheckReport> reports, Comparator<Finding> order) {
        List<Finding> findings = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        int objects = 0;
        int files = 0;
        int e = 0;
        int w = 0;
        int s = 0;
        for (CheckReport r : reports) {
            findings.addAll(r.findings());
            skipped.addAll(r.skipped());
            errors.addAll(r.inputErrors());
            objects += r.summary().objects();
            files += r.summary().files();
            e += r.summary().errors();
            w += r.summary().warnings();
            s += r.summary().skipped();
        }
        findings.sort(order);
        return new CheckReport(findings, new Summary(objects, files, e, w, s), skipped, errors);
    }

    public boolean hasErrors() {
        return summary.errors() > 0;
    }
}
