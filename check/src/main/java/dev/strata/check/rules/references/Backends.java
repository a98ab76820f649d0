package dev.strata.check.rules.references;

import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.References;
import dev.strata.check.rule.RuleContext;
import java.util.Optional;

/** Checks a backend reference (service name + port) shared by Ingress and HTTPRoute rules. */
final class Backends {

    private Backends() {
    }

    static void check(RuleContext ctx, Severity severity, String namespace, String name, String port, int line) {
        if (name.isEmpty()) {
            return;
        }
        Optional<Resource> service = ctx.graph().findOne("Service", namespace, name);
        if (service.isEmpty() && References.createdOutside(ctx, "Service", namespace, name)) {
            return; // an operator makes it (its ports are the operator's)
        }
        if (service.isEmpty()) {
            References.missing(ctx, severity, "Service", namespace, line,
                    "backend service " + (namespace.isEmpty() ? "" : namespace + "/") + name + " does not exist");
            return;
        }
        if (!port.isEmpty() && Services.port(service.get(), port).isEmpty()) {
            ctx.report(line, "backend service " + name + " has no port " + port, severity);
        }
    }
}
