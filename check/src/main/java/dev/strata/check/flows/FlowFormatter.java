package dev.strata.check.flows;

import java.util.List;

/** Writes a flow report for people (text), machines (json) or Graphviz (dot). */
public interface FlowFormatter {

    List<String> NAMES = List.of("text", "json", "dot");

    String format(FlowReport report);

    /** @throws IllegalArgumentException for a name other than text, json or dot */
    static FlowFormatter named(String name) {
        return switch (name) {
            case "text" -> new FlowTextFormatter();
            case "json" -> new FlowJsonFormatter();
            case "dot" -> new FlowDotFormatter();
            default -> throw new IllegalArgumentException("flows are printed as " + String.join(", ", NAMES) + ", not \"" + name + "\"");
        };
    }

    /** {@code src => dst : TCP 8080}, with the port's name when it has one. */
    static String edge(Flow f) {
        return f.from().name() + " => " + f.to().name() + " : " + f.port().display()
                + (f.port().name().isEmpty() ? "" : " (" + f.port().name() + ")");
    }

    static String decidedBy(Verdict v) {
        return v.decidedBy().stream().map(Verdict.Decider::display).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
