package dev.strata.check.format;

import dev.strata.check.CheckReport;
import dev.strata.check.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.strata.check.Skipped;

/**
 * The machine-readable contract of DESIGN §6: {"findings": [...], "summary": {...}}, plus
 * {"notRendered": [{"what", "reason"}]} when there are any: the sources (Applications, HelmReleases, kustomizations)
 * whose objects were not checked because they could not be rendered here, and why.
 */
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
        List<Object> unrendered = new ArrayList<>();
        for (Skipped s : report.skipped()) {
            if (s.unrendered()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("what", s.what());
                m.put("reason", s.reason());
                unrendered.add(m);
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("findings", findings);
        if (!unrendered.isEmpty()) {
            root.put("notRendered", unrendered); // absent when everything rendered: the §6 contract as it is
        }
        root.put("summary", summary);
        return Json.write(root);
    }
}
