package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;

/** HTTPRoute backendRefs must name an existing Service and port. */
public final class HttpRouteBackendRule extends BaseRule {

    public HttpRouteBackendRule() {
        super(RuleInfo.across("httproute-backend-missing", Category.REFERENCES, Severity.ERROR,
                "An HTTPRoute backendRef names a Service that does not exist, or a port the Service does not have.",
                "Point backendRefs at an existing Service (name, namespace) and one of its ports.").appliesTo("gateway.networking.k8s.io/HTTPRoute", "gateway.networking.k8s.io/GRPCRoute"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        for (YMap rule : object.spec().maps("rules")) {
            for (YMap ref : rule.maps("backendRefs")) {
                if (!ref.strOr("kind", "Service").equals("Service") || !ref.strOr("group", "").isEmpty()) {
                    continue;
                }
                String namespace = ref.strOr("namespace", object.namespace());
                Backends.check(ctx, info().severity(), namespace, ref.strOr("name", ""), ref.strOr("port", ""),
                        ref.line());
            }
        }
    }
}
