package dev.strata.check.format;

import dev.strata.check.CheckReport;
import dev.strata.check.Finding;
import dev.strata.check.InputError;
import dev.strata.check.Severity;
import dev.strata.check.Skipped;
import dev.strata.check.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings grouped per file, then what was skipped and why, then one summary line:
 * {@code 42 objects in 9 files: 1 error, 0 warnings, 3 skipped}.
 */
public final class TextFormatter implements ReportFormatter {

    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    /** Skipped items sharing a reason are summarised when there are more than this many. */
    private static final int GROUP_ABOVE = 3;

    private final boolean color;

    public TextFormatter(boolean color) {
        this.color = color;
    }

    @Override
    public String format(CheckReport report) {
        StringBuilder sb = new StringBuilder();
        for (InputError e : report.inputErrors()) {
            sb.append(paint(RED, "error")).append(": ").append(e.path()).append(": ").append(e.message()).append('\n');
        }
        String file = null;
        for (Finding f : report.findings()) {
            if (!f.file().equals(file)) {
                if (file != null) {
                    sb.append('\n');
                }
                file = f.file();
                sb.append(paint(BOLD, file.isEmpty() ? "(tree)" : file)).append('\n');
            }
            String severity = f.severity() == Severity.ERROR ? paint(RED, "error  ") : paint(YELLOW, "warning");
            sb.append("  ").append(f.file().isEmpty() ? "" : f.line() + ": ").append(severity).append(' ')
                    .append(f.object().isNone() ? "" : f.object().display() + ": ").append(f.message())
                    .append(' ').append(paint(DIM, "[" + f.rule() + "]")).append('\n');
        }
        if (!report.findings().isEmpty()) {
            sb.append('\n');
        }
        if (!report.skipped().isEmpty()) {
            sb.append("skipped:\n");
            Map<String, List<String>> byReason = new LinkedHashMap<>();
            for (Skipped s : report.skipped()) {
                byReason.computeIfAbsent(s.reason(), k -> new ArrayList<>()).add(s.what());
            }
            for (Map.Entry<String, List<String>> e : byReason.entrySet()) {
                List<String> what = e.getValue();
                if (what.size() <= GROUP_ABOVE) {
                    what.forEach(w -> sb.append("  ").append(w).append(": ").append(e.getKey()).append('\n'));
                } else {
                    sb.append("  ").append(e.getKey()).append(": ").append(what.size()).append(" (")
                            .append(String.join(", ", what.subList(0, GROUP_ABOVE))).append(", …)\n");
                }
            }
            sb.append('\n');
        }
        Summary s = report.summary();
        sb.append(s.objects()).append(s.objects() == 1 ? " object" : " objects").append(" in ").append(s.files())
                .append(s.files() == 1 ? " file" : " files").append(": ")
                .append(paint(s.errors() > 0 ? RED : "", s.errors() + (s.errors() == 1 ? " error" : " errors")))
                .append(", ")
                .append(paint(s.warnings() > 0 ? YELLOW : "", s.warnings() + (s.warnings() == 1 ? " warning" : " warnings")))
                .append(", ").append(s.skipped()).append(" skipped");
        long unrendered = report.skipped().stream().filter(Skipped::unrendered).count();
        if (unrendered > 0) {
            sb.append(" (").append(unrendered).append(unrendered == 1 ? " source" : " sources").append(" not rendered: their objects are not checked)");
        }
        sb.append('\n');
        return sb.toString();
    }

    private String paint(String code, String text) {
        return color && !code.isEmpty() ? code + text + RESET : text;
    }
}
