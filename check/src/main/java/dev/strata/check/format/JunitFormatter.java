package dev.strata.check.format;

import dev.strata.check.CheckReport;
import dev.strata.check.Finding;
import dev.strata.check.Severity;
import dev.strata.yaml.JunitXml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JUnit XML: one test suite per file with findings, one test case per object. An error finding is a
 * {@code <failure>} (the exit code is 1 then); a warning is reported in the test case's
 * {@code <system-out>}, so that a CI report fails exactly when the check does. A clean run is one
 * passing test case. Written by the project's one {@link JunitXml} writer.
 */
public final class JunitFormatter implements ReportFormatter {

    @Override
    public String format(CheckReport report) {
        Map<String, Map<String, List<Finding>>> byFile = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            String object = f.object().isNone() ? "(file)" : f.object().display();
            byFile.computeIfAbsent(f.file(), k -> new LinkedHashMap<>()).computeIfAbsent(object, k -> new ArrayList<>()).add(f);
        }
        List<JunitXml.Suite> suites = new ArrayList<>();
        if (byFile.isEmpty()) {
            suites.add(new JunitXml.Suite("strata check", List.of(new JunitXml.Case(Optional.empty(),
                    report.summary().objects() + " objects", Optional.empty(), List.of(), Optional.empty(), Optional.empty())),
                    Optional.empty()));
        }
        for (Map.Entry<String, Map<String, List<Finding>>> file : byFile.entrySet()) {
            List<JunitXml.Case> cases = new ArrayList<>();
            for (Map.Entry<String, List<Finding>> object : file.getValue().entrySet()) {
                cases.add(testcase(file.getKey(), object.getKey(), object.getValue()));
            }
            suites.add(new JunitXml.Suite(file.getKey(), cases, Optional.empty()));
        }
        return JunitXml.suites("strata check", suites);
    }

    private static JunitXml.Case testcase(String file, String object, List<Finding> findings) {
        List<JunitXml.Failure> failures = new ArrayList<>();
        StringBuilder warnings = new StringBuilder();
        for (Finding f : findings) {
            String line = f.severity().label() + " " + f.file() + ":" + f.line() + ": " + f.message() + " (" + f.remediation() + ")";
            if (f.severity() == Severity.ERROR) {
                failures.add(new JunitXml.Failure(Optional.of(f.rule()), f.message(), line));
            } else {
                warnings.append(line).append(" [").append(f.rule()).append("]\n");
            }
        }
        return new JunitXml.Case(Optional.of(file), object, Optional.empty(), failures, Optional.empty(),
                warnings.isEmpty() ? Optional.empty() : Optional.of(warnings.toString()));
    }
}
