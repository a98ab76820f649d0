package dev.strata.check.flows;

import dev.strata.check.format.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flow matrix for machines. Stable: keys and their order do not change within a major version;
 * flows are sorted by kind, source, destination and port.
 * <pre>{"flows": [{"kind", "from": {"name", "namespace", "inInput"}, "to": {...}, "port", "protocol",
 * "portName", "via", "verdict": "allowed"|"blocked", "decidedBy": [{"kind", "namespace", "name",
 * "side"}], "reason", "notes": []}], "summary": {"flows", "allowed", "blocked"}}</pre>
 */
final class FlowJsonFormatter implements FlowFormatter {

    @Override
    public String format(FlowReport report) {
        List<Object> flows = new ArrayList<>();
        for (FlowResult r : report.results()) {
            Flow f = r.flow();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", f.kind());
            m.put("from", peer(f.from()));
            m.put("to", peer(f.to()));
            m.put("port", f.port().number());
            m.put("protocol", f.port().protocol());
            m.put("portName", f.port().name());
            m.put("via", f.via().display());
            m.put("verdict", r.allowed() ? "allowed" : "blocked");
            List<Object> deciders = new ArrayList<>();
            for (Verdict.Decider d : r.verdict().decidedBy()) {
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("kind", d.kind());
                dm.put("namespace", d.namespace());
                dm.put("name", d.name());
                dm.put("side", d.side());
                deciders.add(dm);
            }
            m.put("decidedBy", deciders);
            m.put("reason", r.verdict().reason());
            m.put("notes", r.verdict().notes());
            flows.add(m);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("flows", report.results().size());
        summary.put("allowed", report.results().size() - report.blocked());
        summary.put("blocked", report.blocked());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("flows", flows);
        root.put("summary", summary);
        return Json.write(root);
    }

    private static Map<String, Object> peer(Peer p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("namespace", p.namespace());
        m.put("inInput", p.inInput());
        return m;
    }
}
