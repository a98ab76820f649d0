package dev.strata.check.flows;

import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.graph.Selectors;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Apps → declared external services: an Istio ServiceEntry (location MESH_EXTERNAL, the default)
 * declares hosts the pods of its namespace call on its ports (its {@code addresses} give the
 * address when set); a NetworkPolicy egress rule with an ipBlock declares that the pods it selects
 * call that block (on the rule's ports, or any port).
 */
final class ExternalFlows implements FlowSource {

    static final String KIND = "external";

    @Override
    public List<Flow> flows(ResourceGraph graph) {
        List<Flow> out = new ArrayList<>();
        for (Resource se : graph.ofKind("ServiceEntry")) {
            if (se.group().equals("networking.istio.io") && se.spec().strOr("location", "MESH_EXTERNAL").equals("MESH_EXTERNAL")) {
                serviceEntry(graph, se, out);
            }
        }
        for (Resource np : graph.ofKind("NetworkPolicy")) {
            if (np.is("networking.k8s.io", "NetworkPolicy")) {
                ipBlocks(graph, np, out);
            }
        }
        return out;
    }

    private static void serviceEntry(ResourceGraph graph, Resource se, List<Flow> out) {
        Optional<String> address = se.spec().strings("addresses").stream().findFirst();
        Via via = Via.of(se);
        for (String host : se.spec().strings("hosts")) {
            Peer external = Peer.outside(host, address, address.isPresent()
                    ? host + " is outside the cluster at " + address.get()
                    : "the address of " + host + " is not in the input (DNS resolves it at run time)");
            for (YMap p : se.spec().maps("ports")) {
                String protocol = p.strOr("protocol", "TCP").toUpperCase(Locale.ROOT).equals("UDP") ? "UDP" : "TCP";
                Port port = new Port(p.integer("number").orElse(0L), p.strOr("name", ""), protocol);
                for (PodTemplate t : graph.podTemplates(se.namespace())) {
                    out.add(new Flow(KIND, Peer.of(t), external, port, via));
                }
            }
        }
    }

    private static void ipBlocks(ResourceGraph graph, Resource np, List<Flow> out) {
        YMap podSelector = np.spec().map("podSelector").orElse(YMap.empty());
        List<PodTemplate> pods = graph.podTemplates(np.namespace()).stream()
                .filter(t -> Selectors.matches(podSelector, t.labels())).toList();
        Via via = Via.of(np);
        for (YMap rule : np.spec().maps("egress")) {
            for (YMap peer : rule.maps("to")) {
                Optional<String> cidr = peer.path("ipBlock").flatMap(b -> b.str("cidr"));
                if (cidr.isEmpty()) {
                    continue;
                }
                Peer external = Peer.outside(cidr.get(), cidr, cidr.get() + " is outside the pod network");
                List<Port> ports = rule.maps("ports").stream()
                        .map(p -> new Port(p.integer("port").orElse(Port.ANY), "", p.strOr("protocol", "TCP"))).toList();
                for (Port port : ports.isEmpty() ? List.of(new Port(Port.ANY, "", "TCP")) : ports) {
                    for (PodTemplate t : pods) {
                        out.add(new Flow(KIND, Peer.of(t), external, port, via));
                    }
                }
            }
        }
    }
}
