package dev.strata.cluster.verify;

import java.util.List;

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

    public static String junit(List<CheckResult> results) {
        double total = results.stream().mapToDouble(r -> r.duration().toMillis() / 1000.0).sum();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(java.util.Locale.ROOT, "<testsuite name=\"strata verify\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" time=\"%.3f\">%n",
                results.size(), count(results, Outcome.FAIL), count(results, Outcome.SKIPPED), total));
        for (CheckResult r : results) {
            sb.append(String.format(java.util.Locale.ROOT, "  <testcase classname=\"strata.verify\" name=\"%s\" time=\"%.3f\">%n", xml(r.id()), r.duration().toMillis() / 1000.0));
            switch (r.outcome()) {
                case FAIL -> sb.append("    <failure message=\"").append(xml(r.title())).append("\">").append(xml(r.evidence())).append("</failure>\n");
                case SKIPPED -> sb.append("    <skipped message=\"").append(xml(r.evidence())).append("\"/>\n");
                case PASS -> sb.append("    <system-out>").append(xml(r.evidence())).append("</system-out>\n");
            }
            sb.append("  </testcase>\n");
        }
        sb.append("</testsuite>\n");
        return sb.toString();
    }

    private static long count(List<CheckResult> results, Outcome o) {
        return results.stream().filter(r -> r.outcome() == o).count();
    }

    static String xml(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
