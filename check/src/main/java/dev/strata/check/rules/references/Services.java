package dev.strata.check.rules.references;

import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Service helpers shared by reference and network rules. */
public final class Services {

    private Services() {
    }

    /** Pod templates a Service's selector matches (empty when it has no selector). */
    public static List<PodTemplate> selected(Resource service, ResourceGraph graph) {
        Map<String, String> selector = service.spec().stringMap("selector");
        if (selector.isEmpty()) {
            return List.of();
        }
        return graph.podTemplatesMatching(service.namespace(), selector);
    }

    /** The Service port with this number or name. */
    public static Optional<YMap> port(Resource service, String numberOrName) {
        for (YMap p : service.spec().maps("ports")) {
            if (p.strOr("port", "").equals(numberOrName) || p.strOr("name", "\u0000").equals(numberOrName)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** targetPort of a Service port as text (defaults to port). */
    public static String targetPort(YMap servicePort) {
        return servicePort.str("targetPort").orElse(servicePort.strOr("port", ""));
    }

    /** Resolves a named or numbered target port to a container port number in a pod template. */
    public static Optional<Long> containerPort(PodTemplate t, String targetPort) {
        for (PodTemplate.Container c : t.containers()) {
            for (YMap p : c.spec().maps("ports")) {
                String number = p.strOr("containerPort", "");
                if (number.equals(targetPort) || p.strOr("name", "\u0000").equals(targetPort)) {
                    return p.integer("containerPort");
                }
            }
        }
        return isNumber(targetPort) ? Optional.of(Long.parseLong(targetPort)) : Optional.empty();
    }

    public static boolean declaresPorts(PodTemplate t) {
        return t.containers().stream().anyMatch(c -> !c.spec().maps("ports").isEmpty());
    }

    /** A port number: digits only, at most 9 of them (so it always parses). */
    public static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() <= 9 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A scalar's text, or empty. */
    public static String text(Optional<YNode> node) {
        return node.filter(n -> n instanceof YScalar).map(n -> ((YScalar) n).text()).orElse("");
    }
}
