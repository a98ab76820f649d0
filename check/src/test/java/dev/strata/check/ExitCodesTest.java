package dev.strata.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExitCodesTest {

    private static Finding finding(String rule, Severity severity) {
        return new Finding(rule, severity, Category.SCHEMA, ObjectRef.NONE, "a.yaml", 1, "m", "R.");
    }

    private static CheckReport report(int objects, List<Finding> findings, List<InputError> inputErrors) {
        int errors = (int) findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        return new CheckReport(findings, new Summary(objects, 1, errors, findings.size() - errors, 0), List.of(), inputErrors);
    }

    @Test
    void zeroWhenNoErrorFindingsEvenWithWarnings() {
        assertThat(ExitCodes.of(report(3, List.of(), List.of()))).isZero();
        assertThat(ExitCodes.of(report(3, List.of(finding("missing-liveness-probe", Severity.WARNING)), List.of()))).isZero();
    }

    @Test
    void oneWhenAnErrorFindingRemains() {
        assertThat(ExitCodes.of(report(3, List.of(finding("dangling-service", Severity.ERROR)), List.of()))).isEqualTo(1);
        assertThat(ExitCodes.of(report(3, List.of(finding("yaml-syntax", Severity.ERROR)), List.of()))).isEqualTo(1);
    }

    @Test
    void twoWhenInputCannotBeReadAtAll() {
        assertThat(ExitCodes.of(report(0, List.of(), List.of(new InputError("x", "path does not exist"))))).isEqualTo(2);
        assertThat(ExitCodes.of(report(0, List.of(finding("yaml-syntax", Severity.ERROR)), List.of()))).isEqualTo(2);
    }
}
