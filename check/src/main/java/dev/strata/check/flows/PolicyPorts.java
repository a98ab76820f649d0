package dev.strata.check.flows;

import dev.strata.check.graph.PodTemplate;
import dev.strata.yaml.tree.YMap;
import java.util.List;
import java.util.Optional;

/**
 * NetworkPolicyPort semantics (Kubernetes NetworkPolicy API reference): a rule without ports
 * matches every port; a port entry's protocol defaults to TCP; without {@code port} it matches
 * every port of that protocol; {@code endPort} makes a range from a numeric port; a named port is
 * resolved on the destination pod (its container port of that name and protocol).
 */
public final class PolicyPorts {

    private PolicyPorts() {
    }

    public static boolean admit(List<YMap> ports, Port port, Optional<PodTemplate> destination) {
        if (ports.isEmpty()) {
            return true;
        }
        for (YMap p : ports) {
            if (admits(p, port, destination)) {
                return true;
            }
        }
        return false;
    }

    private static boolean admits(YMap p, Port port, Optional<PodTemplate> destination) {
        if (!p.strOr("protocol", "TCP").equalsIgnoreCase(port.protocol())) {
            return false;
        }
        Optional<String> value = p.str("port");
        if (value.isEmpty()) {
            return true;
        }
        if (port.any()) {
            return false;
        }
        Optional<Long> number = p.integer("port");
        if (number.isPresent()) {
            long end = p.integer("endPort").orElse(number.get());
            return port.number() >= number.get() && port.number() <= end;
        }
        return named(value.get(), port, destination);
    }

    /** A named port matches when the destination pod has a container port of that name, protocol and number. */
    private static boolean named(String name, Port port, Optional<PodTemplate> destination) {
        if (destination.isEmpty()) {
            return name.equals(port.name());
        }
        for (PodTemplate.Container c : destination.get().containers()) {
            for (YMap cp : c.spec().maps("ports")) {
                if (name.equals(cp.strOr("name", "")) && cp.strOr("protocol", "TCP").equalsIgnoreCase(port.protocol())
                        && cp.integer("containerPort").orElse(-1L) == port.number()) {
                    return true;
                }
            }
        }
        return false;
    }
}
