package dev.strata.check.flows;

import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.load.ManifestParser;
import dev.strata.yaml.tree.YamlReader;

/** Builds a graph from multi-document YAML, as the loader would from one file. */
final class Graphs {

    private Graphs() {
    }

    static ResourceGraph of(String yaml) {
        ManifestParser.Parsed parsed = new ManifestParser(new YamlReader()).parse(yaml, "fixture.yaml", "file:fixture.yaml", "");
        if (!parsed.problems().isEmpty()) {
            throw new IllegalArgumentException("fixture does not parse: " + parsed.problems());
        }
        return new ResourceGraph(parsed.resources());
    }

    /** {@code allowed src => dst : TCP 8080 (http) by NetworkPolicy ns/name (ingress)}, or {@code ... : <reason>} when no policy decided. */
    static String line(FlowResult r) {
        String by = FlowFormatter.decidedBy(r.verdict());
        return (r.allowed() ? "allowed " : "blocked ") + FlowFormatter.edge(r.flow()) + (by.isEmpty() ? ": " + r.verdict().reason() : " by " + by);
    }
}
