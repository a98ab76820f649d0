package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Injection;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A Service port whose targetPort no selected pod exposes. */
public final class ServiceTargetPortRule extends BaseRule {

    public ServiceTargetPortRule() {
        super(RuleInfo.across("service-target-port", Category.REFERENCES, Severity.ERROR,
                "A Service's targetPort (number or name) is not a port of the pods it selects.",
                "Set targetPort to a containerPort number or port name declared by the selected pods.").appliesTo("Service"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        List<PodTemplate> pods = Services.selected(object, ctx.graph());
        if (pods.isEmpty()) {
            return;
        }
        for (YMap port : object.spec().maps("ports")) {
            String target = Services.targetPort(port);
            boolean named = !Services.isNumber(target);
            boolean anyDeclares = pods.stream().anyMatch(Services::declaresPorts);
            if (!named && !anyDeclares) {
                continue;
            }
            boolean found = pods.stream().anyMatch(t -> t.containers().stream().anyMatch(c -> c.spec().maps("ports")
                    .stream().anyMatch(p -> named ? p.strOr("name", "").equals(target)
                            : p.strOr("containerPort", "").equals(target))
                    || !named && probesPort(c, target))
                    || !named && Injection.istio(t) && Injection.ISTIO_PORTS.contains(target));
            if (!found) {
                PodTemplate first = pods.getFirst();
                List<String> exposed = new ArrayList<>();
                first.containers().forEach(c -> c.spec().maps("ports").forEach(p -> exposed.add(
                        p.str("name").map(n -> n + "/").orElse("") + p.strOr("containerPort", "?"))));
                String message = "targetPort " + target + " is not exposed by the selected pods ("
                        + first.owner().kind().toLowerCase(Locale.ROOT) + " " + first.owner().name()
                        + " exposes " + (exposed.isEmpty() ? "no ports" : String.join(", ", exposed)) + ")";
                // A named targetPort resolves only through a declared port: none, no endpoints. A number reaches
                // whatever the process listens on, declared or not (containerPort is informational): likely, not certain.
                if (named) {
                    ctx.report(port.line(), message);
                } else {
                    ctx.report(port.line(), message + "; unless the process listens there undeclared, the Service sends traffic nowhere",
                            Severity.WARNING);
                }
            }
        }
    }

    /**
     * A numeric targetPort a container's probe checks is a port it listens on, declared or not (Istio's
     * gateway: the Service sends 15021 to the status port its readiness probe reads).
     */
    private static boolean probesPort(PodTemplate.Container c, String port) {
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            Optional<YMap> p = c.spec().map(probe);
            if (p.isEmpty()) {
                continue;
            }
            for (String handler : List.of("httpGet", "tcpSocket", "grpc")) {
                if (p.get().map(handler).map(h -> h.strOr("port", "").equals(port)).orElse(false)) {
                    return true;
                }
            }
        }
        return false;
    }
}
