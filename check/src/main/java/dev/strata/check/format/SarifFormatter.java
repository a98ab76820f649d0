package dev.strata.check.format;

import dev.strata.check.CheckReport;
import dev.strata.check.Finding;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SARIF 2.1.0, as GitHub code scanning accepts it. */
public final class SarifFormatter implements ReportFormatter {

    private final List<RuleInfo> rules;

    public SarifFormatter(List<RuleInfo> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public String format(CheckReport report) {
        List<Object> ruleList = new ArrayList<>();
        for (RuleInfo r : rules) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", r.id());
            rule.put("name", r.id());
            rule.put("shortDescription", Map.of("text", r.description()));
            rule.put("help", Map.of("text", r.remediation()));
            rule.put("defaultConfiguration", Map.of("level", level(r.severity())));
            rule.put("properties", Map.of("category", r.category().label()));
            ruleList.add(rule);
        }
        List<Object> results = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", f.rule());
            result.put("level", level(f.severity()));
            String prefix = f.object().isNone() ? "" : f.object().display() + ": ";
            result.put("message", Map.of("text", prefix + f.message()));
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Map.of("uri", f.file().isEmpty() ? "." : f.file()));
            physical.put("region", Map.of("startLine", Math.max(1, f.line())));
            result.put("locations", List.of(Map.of("physicalLocation", physical)));
            results.add(result);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "strata-check");
        driver.put("informationUri", "https://strata.dev");
        driver.put("rules", ruleList);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        return Json.write(root);
    }

    private static String level(Severity s) {
        return s == Severity.ERROR ? "error" : "warning";
    }
}
