package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.List;

/** Ingress backends must name an existing Service and one of its ports. */
public final class IngressBackendRule extends BaseRule {

    public IngressBackendRule() {
        super(RuleInfo.across("ingress-backend-missing", Category.REFERENCES, Severity.ERROR,
                "An Ingress backend names a Service that does not exist, or a port the Service does not have.",
                "Point the backend at an existing Service and one of its port numbers or names.").appliesTo("networking.k8s.io/Ingress"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        List<YMap> backends = new ArrayList<>();
        object.spec().path("defaultBackend", "service").ifPresent(backends::add);
        for (YMap rule : object.spec().maps("rules")) {
            for (YMap path : rule.path("http").map(h -> h.maps("paths")).orElse(List.of())) {
                path.path("backend", "service").ifPresent(backends::add);
            }
        }
        for (YMap backend : backends) {
            String name = backend.strOr("name", "");
            YMap port = backend.map("port").orElse(YMap.empty());
            String portRef = port.str("number").or(() -> port.str("name")).orElse("");
            Backends.check(ctx, info().severity(), object.namespace(), name, portRef, backend.line());
        }
    }
}
