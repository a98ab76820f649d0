package dev.strata.check.flows;

import java.util.LinkedHashSet;
import java.util.Set;

/** The flow matrix for Graphviz: one node per peer, one edge per flow labelled with its port; blocked edges red and dashed. */
final class FlowDotFormatter implements FlowFormatter {

    @Override
    public String format(FlowReport report) {
        StringBuilder sb = new StringBuilder("digraph flows {\n  rankdir=LR;\n  node [shape=box, fontname=\"sans-serif\"];\n");
        Set<String> nodes = new LinkedHashSet<>();
        for (FlowResult r : report.results()) {
            nodes.add(r.flow().from().name());
            nodes.add(r.flow().to().name());
        }
        nodes.forEach(n -> sb.append("  ").append(quote(n)).append(";\n"));
        for (FlowResult r : report.results()) {
            Flow f = r.flow();
            sb.append("  ").append(quote(f.from().name())).append(" -> ").append(quote(f.to().name()))
                    .append(" [label=").append(quote(f.port().display()))
                    .append(r.allowed() ? ", color=darkgreen" : ", color=red, style=dashed, fontcolor=red")
                    .append(", tooltip=").append(quote(f.kind() + ": " + r.verdict().reason())).append("];\n");
        }
        return sb.append("}\n").toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
