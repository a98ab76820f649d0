package dev.strata.check.format;

import dev.strata.check.CheckReport;
import dev.strata.check.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML: one test suite per file with findings, one test case per object, one failure per
 * finding; a clean run is one passing test case.
 */
public final class JunitFormatter implements ReportFormatter {

    @Override
    public String format(CheckReport report) {
        Map<String, Map<String, List<Finding>>> byFile = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            String object = f.object().isNone() ? "(file)" : f.object().display();
            byFile.computeIfAbsent(f.file(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(object, k -> new ArrayList<>()).add(f);
        }
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        int cases = byFile.values().stream().mapToInt(Map::size).sum();
        sb.append("<testsuites name=\"strata check\" tests=\"").append(Math.max(1, cases)).append("\" failures=\"")
                .append(report.findings().size()).append("\">\n");
        if (byFile.isEmpty()) {
            sb.append("  <testsuite name=\"strata check\" tests=\"1\" failures=\"0\">\n")
                    .append("    <testcase name=\"").append(report.summary().objects()).append(" objects\"/>\n")
                    .append("  </testsuite>\n");
        }
        for (Map.Entry<String, Map<String, List<Finding>>> file : byFile.entrySet()) {
            int failures = file.getValue().values().stream().mapToInt(List::size).sum();
            sb.append("  <testsuite name=\"").append(esc(file.getKey())).append("\" tests=\"")
                    .append(file.getValue().size()).append("\" failures=\"").append(failures).append("\">\n");
            for (Map.Entry<String, List<Finding>> object : file.getValue().entrySet()) {
                sb.append("    <testcase classname=\"").append(esc(file.getKey())).append("\" name=\"")
                        .append(esc(object.getKey())).append("\">\n");
                for (Finding f : object.getValue()) {
                    sb.append("      <failure type=\"").append(f.rule()).append("\" message=\"").append(esc(f.message()))
                            .append("\">").append(f.severity().label()).append(' ').append(esc(f.file())).append(':')
                            .append(f.line()).append(": ").append(esc(f.message())).append(" (")
                            .append(esc(f.remediation())).append(")</failure>\n");
                }
                sb.append("    </testcase>\n");
            }
            sb.append("  </testsuite>\n");
        }
        return sb.append("</testsuites>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
