package dev.strata.check.format;

import dev.strata.check.CheckReport;
import dev.strata.check.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine-readable contract of DESIGN §6: {"findings": [...], "summary": {...}}. */
public final class JsonFormatter implements ReportFormatter {

    @Override
    public String format(CheckReport report) {
        List<Object> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("apiVersion", f.object().apiVersion());
            object.put("kind", f.object().kind());
            object.put("namespace", f.object().namespace());
            object.put("name", f.object().name());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.rule());
            m.put("severity", f.severity().label());
            m.put("category", f.category().label());
            m.put("object", object);
            m.put("file", f.file());
            m.put("line", f.line());
            m.put("message", f.message());
            m.put("remediation", f.remediation());
            findings.add(m);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("objects", report.summary().objects());
        summary.put("files", report.summary().files());
        summary.put("errors", report.summary().errors());
        summary.put("warnings", report.summary().warnings());
        summary.put("skipped", report.summary().skipped());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("findings", findings);
        root.put("summary", summary);
        return Json.write(root);
    }
}
