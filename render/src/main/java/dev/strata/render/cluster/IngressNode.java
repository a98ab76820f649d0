package dev.strata.render.cluster;

import dev.strata.catalog.Release;
import dev.strata.plan.Resolver;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.capacity.PodFactory;
import dev.strata.render.RenderContext;
import dev.strata.spec.ClusterSpec;
import dev.strata.spec.NodeGroup;
import dev.strata.spec.NodeRole;
import dev.strata.spec.Provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The one node on kind that publishes the ingress gateways' host ports to the host.
 *
 * <p>kind's {@code extraPortMappings} forward a host port to the node container's own port, so
 * the gateway pod must run on that node and bind the port there with a {@code hostPort} (the
 * catalog entries istio-gateway and kong declare them). Gateways are platform workloads, so the
 * node is the first node of the platform tier; without a platform tier, the first worker whose
 * group has no taints (else the first worker, else the first control plane). The node carries
 * {@value #LABEL}={@value #VALUE} (kind's convention) and the gateways' nodeSelector must match it:
 * see {@link #nodeSelector(RenderContext)}.
 */
public final class IngressNode {

    public static final String LABEL = "ingress-ready";
    public static final String VALUE = "true";
    public static final String CAPABILITY = "ingress-gateway";

    private IngressNode() {
    }

    /** The group whose first node takes the host ports; empty only for a spec without nodes. */
    public static Optional<NodeGroup> group(ClusterSpec cluster) {
        List<NodeGroup> groups = cluster.nodes();
        return groups.stream().filter(g -> g.tier().filter(PodFactory.PLATFORM_TIER::equals).isPresent()).findFirst()
                .or(() -> groups.stream().filter(g -> g.role() == NodeRole.WORKER && g.taints().isEmpty()).findFirst())
                .or(() -> groups.stream().filter(g -> g.role() == NodeRole.WORKER).findFirst())
                .or(() -> groups.stream().findFirst());
    }

    /**
     * The host ports each enabled ingress gateway binds, read from its values as installed
     * (every integer {@code hostPort} key), by component id in plan order.
     */
    public static Map<String, List<Integer>> hostPorts(RenderContext ctx) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (ResolvedComponent rc : ctx.components()) {
            if (!Resolver.capabilities(rc).contains(CAPABILITY)) {
                continue;
            }
            TreeSet<Integer> ports = new TreeSet<>();
            for (Release r : rc.releases()) {
                collect(rc.valuesOf(r), ports);
            }
            if (!ports.isEmpty()) {
                out.put(rc.id(), List.copyOf(ports));
            }
        }
        return out;
    }

    /**
     * nodeSelector for an ingress gateway's pod: the platform tier's, plus {@value #LABEL} on kind,
     * where the host ports exist on one node only.
     */
    public static Map<String, String> nodeSelector(RenderContext ctx) {
        Map<String, String> sel = new java.util.TreeMap<>(ctx.platformNodeSelector());
        if (ctx.spec().cluster().provider() == Provider.KIND) {
            sel.put(LABEL, VALUE);
        }
        return sel;
    }

    private static void collect(Object node, TreeSet<Integer> ports) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("hostPort".equals(k) && v instanceof Number n) {
                    ports.add(n.intValue());
                } else {
                    collect(v, ports);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(i -> collect(i, ports));
        }
    }
}
