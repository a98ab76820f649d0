package dev.strata.cluster.verify;

import dev.strata.yaml.JunitXml;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Verify results as text (default) or JUnit XML ({@code -o junit}, for CI test reports). */
public final class VerifyReport {

    private VerifyReport() {
    }

    public static String text(List<CheckResult> results) {
        StringBuilder sb = new StringBuilder();
        for (CheckResult r : results) {
            sb.append(String.format("%-7s %-32s %s%n", r.outcome(), r.id(), r.title()));
            sb.append("        ").append(r.evidence()).append('\n');
        }
        sb.append(summary(results)).append('\n');
        return sb.toString();
    }

    public static String summary(List<CheckResult> results) {
        return count(results, Outcome.PASS) + " passed, " + count(results, Outcome.FAIL) + " failed, " + count(results, Outcome.SKIPPED) + " skipped.";
    }

    /** JUnit XML (the project's one {@link JunitXml} writer): a FAIL is a failure, SKIPPED is skipped, a PASS keeps its evidence. */
    public static String junit(List<CheckResult> results) {
        // the suite's time is the sum of the cases' times as written (whole milliseconds), so the report adds up
        Duration total = Duration.ofMillis(results.stream().mapToLong(r -> r.duration().toMillis()).sum());
        List<JunitXml.Case> cases = results.stream().map(r -> new JunitXml.Case(Optional.of("strata.verify"), r.id(),
                Optional.of(r.duration()),
                r.outcome() == Outcome.FAIL ? List.of(new JunitXml.Failure(Optional.empty(), r.title(), r.evidence())) : List.of(),
                r.outcome() == Outcome.SKIPPED ? Optional.of(r.evidence()) : Optional.empty(),
                r.outcome() == Outcome.PASS ? Optional.of(r.evidence()) : Optional.empty())).toList();
        return JunitXml.suite(new JunitXml.Suite("strata verify", cases, Optional.of(total)));
    }

    private static long count(List<CheckResult> results, Outcome o) {
        return results.stream().filter(r -> r.outcome() == o).count();
    }
}
