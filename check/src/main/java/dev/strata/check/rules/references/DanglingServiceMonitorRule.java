package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.Selectors;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.List;
import java.util.Optional;

/** A ServiceMonitor selecting no Service, or naming a port the Services do not have, scrapes nothing. */
public final class DanglingServiceMonitorRule extends BaseRule {

    public DanglingServiceMonitorRule() {
        super(RuleInfo.across("dangling-service-monitor", Category.REFERENCES, Severity.ERROR,
                "A ServiceMonitor's selector matches no Service, or its endpoint port is not a named port of the matched Services.",
                "Make spec.selector match the Service's labels and endpoints[].port one of its port names.").appliesTo("monitoring.coreos.com/ServiceMonitor"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        YMap selector = object.spec().map("selector").orElse(YMap.empty());
        YMap nsSelector = object.spec().map("namespaceSelector").orElse(YMap.empty());
        boolean any = nsSelector.bool("any").orElse(false);
        List<String> names = nsSelector.strings("matchNames");
        List<String> namespaces = names.isEmpty() ? List.of(object.namespace()) : names;
        List<Resource> matched = ctx.graph().ofKind("Service").stream()
                .filter(s -> any || namespaces.contains(s.namespace()))
                .filter(s -> Selectors.matches(selector, s.labels())).toList();
        if (matched.isEmpty()) {
            String where = any ? "any namespace" : "namespace " + String.join(", ", namespaces);
            String message = "selector " + Selectors.display(selector) + " matches no service in " + where;
            if (any || namespaces.stream().allMatch(n -> ctx.graph().owns("Service", n))) {
                ctx.report(object.spec().keyLine("selector"), message);
            } else {
                ctx.report(object.spec().keyLine("selector"), message + " of the input (it may be created outside it)",
                        Severity.WARNING);
            }
            return;
        }
        for (YMap endpoint : object.spec().maps("endpoints")) {
            Optional<String> port = endpoint.str("port");
            if (port.isPresent() && matched.stream().noneMatch(s -> s.spec().maps("ports").stream()
                    .anyMatch(p -> p.strOr("name", "").equals(port.get())))) {
                ctx.report(endpoint.keyLine("port"), "endpoint port " + port.get() + " is not a named port of service "
                        + matched.getFirst().name());
            }
        }
    }
}
