package dev.strata.check.flows;

import java.util.ArrayList;
import java.util.List;

/**
 * The flow matrix for people, grouped by kind, in the style of netpol-analyzer
 * ({@code src => dst : ports}): each flow, allowed or blocked, the policy that decided and why;
 * then every assumption once; then a summary line.
 */
final class FlowTextFormatter implements FlowFormatter {

    @Override
    public String format(FlowReport report) {
        StringBuilder sb = new StringBuilder();
        List<String> assumptions = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        for (String kind : FlowMatrix.KINDS) {
            List<FlowResult> flows = report.results().stream().filter(r -> r.flow().kind().equals(kind)).toList();
            counts.add(kind + " " + flows.size());
            if (flows.isEmpty()) {
                continue;
            }
            sb.append(kind).append('\n');
            for (FlowResult r : flows) {
                Verdict v = r.verdict();
                sb.append("  ").append(v.allowed() ? "allowed" : "blocked").append("  ").append(FlowFormatter.edge(r.flow())).append('\n');
                String by = FlowFormatter.decidedBy(v);
                sb.append("           ").append(by.isEmpty() ? v.reason() : "by " + by + (v.allowed() ? "" : ": " + v.reason()))
                        .append("; via ").append(r.flow().via().display()).append('\n');
                for (String note : v.notes()) {
                    if (!v.allowed()) {
                        sb.append("           note: ").append(note).append('\n');
                    }
                    if (!assumptions.contains(note)) {
                        assumptions.add(note);
                    }
                }
            }
            sb.append('\n');
        }
        if (!assumptions.isEmpty()) {
            sb.append("assumed:\n");
            assumptions.forEach(a -> sb.append("  - ").append(a).append('\n'));
            sb.append('\n');
        }
        long blocked = report.blocked();
        sb.append(report.results().size()).append(" flows (").append(String.join(", ", counts)).append("): ")
                .append(report.results().size() - blocked).append(" allowed, ").append(blocked).append(" blocked\n");
        return sb.toString();
    }
}
