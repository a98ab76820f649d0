package dev.strata.check.format;

import dev.strata.check.RuleInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** {@code --list-rules}: a table (text) or a JSON array. */
public final class RuleListFormatter {

    private RuleListFormatter() {
    }

    public static String text(List<RuleInfo> rules) {
        int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(10);
        StringBuilder sb = new StringBuilder();
        for (RuleInfo r : rules) {
            sb.append(String.format("%-" + width + "s  %-12s  %-7s  %s%n", r.id(), r.category().label(),
                    r.severity().label(), r.description()));
        }
        return sb.toString();
    }

    public static String json(List<RuleInfo> rules) {
        List<Object> out = new ArrayList<>();
        for (RuleInfo r : rules) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("category", r.category().label());
            m.put("severity", r.severity().label());
            m.put("crossResource", r.crossResource());
            m.put("kinds", List.copyOf(new TreeSet<>(r.kinds()))); // empty: every kind
            m.put("description", r.description());
            m.put("remediation", r.remediation());
            out.add(m);
        }
        return Json.write(out);
    }

    /** The README rule table (markdown), kept in sync by a test. */
    public static String markdown(List<RuleInfo> rules) {
        StringBuilder sb = new StringBuilder("| id | category | severity | across resources | description |\n")
                .append("|---|---|---|---|---|\n");
        for (RuleInfo r : rules) {
            sb.append("| `").append(r.id()).append("` | ").append(r.category().label()).append(" | ")
                    .append(r.severity().label()).append(" | ").append(r.crossResource() ? "yes" : "").append(" | ")
                    .append(r.description().replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }
}
