package dev.strata.check.rules.network;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.check.rules.references.Services;
import dev.strata.check.yaml.YMap;
import java.util.Map;
import java.util.Optional;

/**
 * A NetworkPolicy that keeps a Gateway from reaching an HTTPRoute's backend. Gateway pods are taken
 * to carry the label {@code gateway.networking.k8s.io/gateway-name: <gateway>} (Istio and most
 * implementations set it on the pods they deploy).
 */
public final class BlocksGatewayRule extends BaseRule {

    public BlocksGatewayRule() {
        super(RuleInfo.across("networkpolicy-blocks-gateway", Category.NETWORK, Severity.ERROR,
                "A NetworkPolicy denies the Gateway the port of a Service an HTTPRoute sends traffic to, so the route returns errors.",
                "Allow ingress on the backend port from the Gateway's namespace and pods."));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (!NetworkPolicies.isPolicy(object) || !NetworkPolicies.has(object, "Ingress")) {
            return;
        }
        ResourceGraph graph = ctx.graph();
        for (Resource route : graph.ofKind("HTTPRoute")) {
            for (YMap rule : route.spec().maps("rules")) {
                for (YMap ref : rule.maps("backendRefs")) {
                    String ns = ref.strOr("namespace", route.namespace());
                    if (!ns.equals(object.namespace())) {
                        continue;
                    }
                    Optional<Resource> svc = graph.findOne("Service", ns, ref.strOr("name", ""));
                    if (svc.isEmpty()) {
                        continue;
                    }
                    Optional<YMap> port = Services.port(svc.get(), ref.strOr("port", ""));
                    if (port.isEmpty()) {
                        continue;
                    }
                    String target = Services.targetPort(port.get());
                    for (PodTemplate t : Services.selected(svc.get(), graph)) {
                        if (!NetworkPolicies.selects(object, t)
                                || NetworkPolicies.ingressPolicies(graph, t).getFirst() != object) {
                            continue;
                        }
                        Optional<Long> number = Services.containerPort(t, target);
                        for (YMap parent : route.spec().maps("parentRefs")) {
                            String gwNs = parent.strOr("namespace", route.namespace());
                            String gw = parent.strOr("name", "");
                            NetworkPolicies.Source source = new NetworkPolicies.Source(gwNs,
                                    Optional.of(Map.of("gateway.networking.k8s.io/gateway-name", gw)));
                            if (number.isPresent() && !NetworkPolicies.ingressAllowed(graph, t, source, number.get(),
                                    Services.isNumber(target) ? "" : target)) {
                                ctx.report("blocks gateway " + gwNs + "/" + gw + " from port " + number.get() + " of "
                                        + t.owner().kind().toLowerCase(java.util.Locale.ROOT) + " " + t.owner().name()
                                        + ", a backend of HTTPRoute " + route.name());
                            }
                        }
                    }
                }
            }
        }
    }
}
