package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.References;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.Optional;

/** HTTPRoute parentRefs must name an existing Gateway (and listener). */
public final class HttpRouteParentRule extends BaseRule {

    public HttpRouteParentRule() {
        super(RuleInfo.across("httproute-parent-missing", Category.REFERENCES, Severity.ERROR,
                "An HTTPRoute's parentRef names a Gateway that does not exist, or a listener (sectionName) the Gateway does not have.",
                "Point parentRefs at an existing Gateway's name and namespace, and sectionName at one of its listeners.").appliesTo("gateway.networking.k8s.io/HTTPRoute", "gateway.networking.k8s.io/GRPCRoute", "gateway.networking.k8s.io/TLSRoute", "gateway.networking.k8s.io/TCPRoute", "gateway.networking.k8s.io/UDPRoute"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        for (YMap parent : object.spec().maps("parentRefs")) {
            if (!parent.strOr("kind", "Gateway").equals("Gateway")) {
                continue;
            }
            String namespace = parent.strOr("namespace", object.namespace());
            String name = parent.strOr("name", "");
            Optional<Resource> gateway = ctx.graph().find("Gateway", namespace, name).stream()
                    .filter(g -> g.group().equals("gateway.networking.k8s.io")).findFirst();
            if (gateway.isEmpty()) {
                References.missing(ctx, info().severity(), "Gateway", namespace, parent.line(),
                        "parent gateway " + namespace + "/" + name + " does not exist");
                continue;
            }
            Optional<String> section = parent.str("sectionName");
            if (section.isPresent() && gateway.get().spec().maps("listeners").stream()
                    .noneMatch(l -> l.strOr("name", "").equals(section.get()))) {
                ctx.report(parent.keyLine("sectionName"), "gateway " + namespace + "/" + name + " has no listener "
                        + section.get());
            }
        }
    }
}
