package dev.strata.check.rules.network;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.flows.FlowResult;
import dev.strata.check.flows.NamespaceLabels;
import dev.strata.check.flows.PolicyPorts;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.graph.Selectors;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A NetworkPolicy meant to admit Prometheus or the gateway — an ingress rule whose ports admit the
 * port they call — admits them only through a namespaceSelector that does not select their
 * namespace: it matches no namespace in the input (often {@code name: monitoring} where only
 * {@code kubernetes.io/metadata.name} is set), or other namespaces than the one they run in. The
 * connectivity model says the flow is blocked; this rule says which selector was meant to let it in.
 */
public final class WrongNamespaceSelectorRule extends BaseRule {

    public WrongNamespaceSelectorRule() {
        super(RuleInfo.across("netpol-wrong-namespace-selector", Category.NETWORK, Severity.ERROR,
                "A NetworkPolicy admits the monitoring namespace or the gateway only through a namespaceSelector that selects no namespace in the input, or not the one Prometheus or the gateway runs in, so the traffic it was written for is dropped.",
                "Select the peer's namespace by the label every namespace carries: namespaceSelector matchLabels kubernetes.io/metadata.name: <namespace>.").appliesTo("networking.k8s.io/NetworkPolicy"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        ResourceGraph graph = ctx.graph();
        Set<String> messages = new LinkedHashSet<>();
        for (String kind : List.of("prometheus", "gateway")) {
            for (FlowResult r : BlockedFlows.refusedOnIngressBy(graph, object, kind)) {
                String peer = kind.equals("prometheus") ? "prometheus" : "gateway " + BlockedFlows.source(r);
                String peerNs = r.flow().from().namespace();
                for (YMap rule : object.spec().maps("ingress")) {
                    if (!PolicyPorts.admit(rule.maps("ports"), r.flow().port(), r.flow().to().pod())) {
                        continue;
                    }
                    for (YMap from : rule.maps("from")) {
                        Optional<YMap> selector = from.map("namespaceSelector");
                        if (selector.isEmpty() || Selectors.matches(selector.get(), NamespaceLabels.of(graph, peerNs, new ArrayList<>()))) {
                            continue;
                        }
                        messages.add(message(graph, selector.get(), peer, peerNs, r));
                    }
                }
            }
        }
        messages.forEach(ctx::report);
    }

    private static String message(ResourceGraph graph, YMap selector, String peer, String peerNs, FlowResult r) {
        Set<String> selected = new TreeSet<>();
        for (String ns : namespaces(graph)) {
            if (Selectors.matches(selector, NamespaceLabels.of(graph, ns, new ArrayList<>()))) {
                selected.add(ns);
            }
        }
        Map<String, String> labels = NamespaceLabels.of(graph, peerNs, new ArrayList<>());
        String has = "namespace " + peerNs + (graph.namespace(peerNs).isPresent() ? " has labels " : " (not in the input) is assumed to have only ")
                + Selectors.display(new TreeMap<>(labels));
        String what = selected.isEmpty() ? "selects no namespace in the input"
                : "selects namespace " + String.join(", ", selected) + ", not " + peerNs + " where " + peer + " runs";
        return "namespaceSelector " + Selectors.display(selector) + " " + what + " (" + has + "), so " + peer
                + " cannot reach " + BlockedFlows.target(r);
    }

    /** Namespaces the input knows: Namespace objects and the namespaces of its objects. */
    private static Set<String> namespaces(ResourceGraph graph) {
        Set<String> out = new TreeSet<>();
        graph.ofKind("Namespace").stream().filter(n -> n.group().isEmpty()).forEach(n -> out.add(n.name()));
        graph.all().stream().map(Resource::namespace).filter(n -> !n.isEmpty()).forEach(out::add);
        return out;
    }
}
