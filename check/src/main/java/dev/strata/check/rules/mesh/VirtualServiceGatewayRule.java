package dev.strata.check.rules.mesh;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.References;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;

/** A VirtualService bound to an Istio Gateway that does not exist routes nothing. */
public final class VirtualServiceGatewayRule extends BaseRule {

    public VirtualServiceGatewayRule() {
        super(RuleInfo.across("virtualservice-gateway-missing", Category.MESH, Severity.ERROR,
                "An Istio VirtualService is bound to a Gateway that does not exist.",
                "Create the networking.istio.io Gateway or fix spec.gateways (namespace/name).").appliesTo("networking.istio.io/VirtualService"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        for (String ref : object.spec().strings("gateways")) {
            if (ref.equals("mesh")) {
                continue;
            }
            int slash = ref.indexOf('/');
            String ns = slash < 0 ? object.namespace() : ref.substring(0, slash);
            String name = slash < 0 ? ref : ref.substring(slash + 1);
            boolean exists = ctx.graph().find("Gateway", ns, name).stream()
                    .anyMatch(g -> g.group().equals("networking.istio.io"));
            if (!exists) {
                References.missing(ctx, info().severity(), "Gateway", ns, object.spec().keyLine("gateways"),
                        "gateway " + ns + "/" + name + " does not exist");
            }
        }
    }
}
