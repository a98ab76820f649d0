package dev.strata.cluster.verify;

import java.time.Duration;

/** What a check found: the outcome and the evidence that shows it (or the reason it was skipped). */
public record CheckResult(String id, String title, Outcome outcome, String evidence, Duration duration) {

    public static CheckResult pass(Check c, String evidence) {
        return new CheckResult(c.id(), c.title(), Outcome.PASS, evidence, Duration.ZERO);
    }

    public static CheckResult fail(Check c, String evidence) {
        return new CheckResult(c.id(), c.title(), Outcome.FAIL, evidence, Duration.ZERO);
    }

    public static CheckResult skipped(Check c, String reason) {
        return new CheckResult(c.id(), c.title(), Outcome.SKIPPED, reason, Duration.ZERO);
    }

    public CheckResult took(Duration d) {
        return new CheckResult(id, title, outcome, evidence, d);
    }
}
