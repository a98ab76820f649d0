package dev.strata.check.flows;

import dev.strata.check.graph.ResourceGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every flow the tree implies, each with its verdict: gateway → route backends, Prometheus →
 * monitored ports, apps → DNS, apps → declared external services, the API server → webhooks.
 * Computed once per graph ({@link #of}) and read by the network rules and {@code check --flows}.
 */
public record FlowMatrix(List<FlowResult> results) {

    /** Flow kinds in the order they are listed. */
    public static final List<String> KINDS = List.of(GatewayFlows.KIND, PrometheusFlows.KIND, DnsFlows.KIND,
            ExternalFlows.KIND, WebhookFlows.KIND);

    private static final List<FlowSource> SOURCES = List.of(new GatewayFlows(), new PrometheusFlows(), new DnsFlows(),
            new ExternalFlows(), new WebhookFlows());

    public FlowMatrix {
        results = List.copyOf(results);
    }

    /** The matrix of the graph, computed on first use. */
    public static FlowMatrix of(ResourceGraph graph) {
        return graph.derived(FlowMatrix.class, FlowMatrix::compute);
    }

    private static FlowMatrix compute(ResourceGraph graph) {
        Connectivity model = new Connectivity(graph);
        List<FlowResult> out = new ArrayList<>();
        for (FlowSource source : SOURCES) {
            source.flows(graph).stream().distinct().map(model::evaluate).forEach(out::add);
        }
        out.sort(Comparator.<FlowResult>comparingInt(r -> KINDS.indexOf(r.flow().kind()))
                .thenComparing(r -> r.flow().from().name())
                .thenComparing(r -> r.flow().to().name())
                .thenComparingLong(r -> r.flow().port().number())
                .thenComparing(r -> r.flow().port().protocol())
                .thenComparing(r -> r.flow().via().display()));
        return new FlowMatrix(out);
    }

    public List<FlowResult> ofKind(String kind) {
        return results.stream().filter(r -> r.flow().kind().equals(kind)).toList();
    }

    public long blocked() {
        return results.stream().filter(r -> !r.allowed()).count();
    }
}
