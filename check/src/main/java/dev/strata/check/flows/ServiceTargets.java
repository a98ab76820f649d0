package dev.strata.check.flows;

import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.rules.references.Services;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where traffic to a Service port lands: each selected pod template and its container port (targetPort resolved). */
final class ServiceTargets {

    record Target(PodTemplate pod, Port port) {
    }

    private ServiceTargets() {
    }

    /** Targets of the Service port given by number or name; none when the Service, port or pods are not in the input. */
    static List<Target> of(ResourceGraph graph, String namespace, String service, String port) {
        Optional<Resource> svc = graph.findOne("Service", namespace, service).filter(s -> s.group().isEmpty());
        if (svc.isEmpty()) {
            return List.of();
        }
        Optional<YMap> servicePort = Services.port(svc.get(), port);
        if (servicePort.isEmpty()) {
            return List.of();
        }
        String target = Services.targetPort(servicePort.get());
        String protocol = servicePort.get().strOr("protocol", "TCP");
        List<Target> out = new ArrayList<>();
        for (PodTemplate t : Services.selected(svc.get(), graph)) {
            containerPort(t, target, protocol).ifPresent(p -> out.add(new Target(t, p)));
        }
        return out;
    }

    /** A container port by number or name, with its name and protocol; a number the pod does not declare keeps no name. */
    static Optional<Port> containerPort(PodTemplate t, String numberOrName, String protocol) {
        for (PodTemplate.Container c : t.containers()) {
            for (YMap p : c.spec().maps("ports")) {
                if (p.strOr("containerPort", "").equals(numberOrName) || p.strOr("name", "\u0000").equals(numberOrName)) {
                    Optional<Long> n = p.integer("containerPort");
                    if (n.isPresent()) {
                        return Optional.of(new Port(n.get(), p.strOr("name", ""), p.strOr("protocol", protocol)));
                    }
                }
            }
        }
        return Services.isNumber(numberOrName) ? Optional.of(new Port(Long.parseLong(numberOrName), "", protocol)) : Optional.empty();
    }
}
