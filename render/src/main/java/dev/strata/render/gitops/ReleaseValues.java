package dev.strata.render.gitops;

import dev.strata.catalog.Container;
import dev.strata.catalog.Placement;
import dev.strata.catalog.Release;
import dev.strata.catalog.Resources;
import dev.strata.catalog.Workload;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.Resolver;
import dev.strata.plan.Values;
import dev.strata.render.RenderContext;
import dev.strata.render.cluster.IngressNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a release is installed with: the catalog's tuned values (for the mode and the
 * cluster provider), then every container's requests and limits at its values key, replicas,
 * and the tier's nodeSelector and tolerations — all from the catalog's workloads, so that the
 * render and the plan cannot disagree — then the spec's overrides, which win.
 */
public final class ReleaseValues {

    private ReleaseValues() {
    }

    public static Map<String, Object> of(RenderContext ctx, ResolvedComponent rc, Release r) {
        Map<String, Object> v = rc.tunedValuesOf(r);
        boolean linkerd = Release.LINKERD_STYLE.equals(r.resourcesStyle());
        boolean cni = Resolver.capabilities(rc).contains("cni");
        boolean ingress = Resolver.capabilities(rc).contains(IngressNode.CAPABILITY);
        for (Workload w : r.workloads()) {
            for (Container c : w.containers()) {
                if (!c.valuesKey().isEmpty()) {
                    v = Values.with(v, c.valuesKey(), linkerd ? linkerdResources(c) : resources(c));
                }
            }
            if (w.replicasKey().isPresent() && w.replicas().isPresent()) {
                v = Values.with(v, w.replicasKey().get(), w.replicas().get());
            }
            // ingress gateways bind host ports that exist on one node only (kind's port mappings)
            Map<String, String> selector = ingress && w.placement() == Placement.PLATFORM ? IngressNode.nodeSelector(ctx) : selector(ctx, w.placement());
            List<Map<String, Object>> tolerations = tolerations(ctx, w.placement(), cni);
            if (w.nodeSelectorKey().isPresent() && !selector.isEmpty()) {
                v = Values.with(v, w.nodeSelectorKey().get(), new LinkedHashMap<>(selector));
            }
            if (w.tolerationsKey().isPresent() && !tolerations.isEmpty()) {
                v = Values.with(v, w.tolerationsKey().get(), tolerations);
            }
        }
        return Values.merge(v, rc.overridesOf(r));
    }

    private static Map<String, String> selector(RenderContext ctx, Placement p) {
        return switch (p) {
            case PLATFORM -> ctx.platformNodeSelector();
            case CONTROL_PLANE -> Map.of("node-role.kubernetes.io/control-plane", "");
            default -> Map.of();
        };
    }

    /**
     * Node agents tolerate every taint; the CNI's pods too, since every node stays NotReady until
     * the CNI runs; platform workloads tolerate their tier's taints.
     */
    private static List<Map<String, Object>> tolerations(RenderContext ctx, Placement p, boolean cni) {
        if (p == Placement.EVERY_NODE || cni) {
            return List.of(Map.of("operator", "Exists"));
        }
        return switch (p) {
            case PLATFORM -> ctx.platformTolerations();
            case CONTROL_PLANE -> List.of(map("key", "node-role.kubernetes.io/control-plane", "operator", "Exists", "effect", "NoSchedule"));
            default -> List.of();
        };
    }

    private static Map<String, Object> resources(Container c) {
        return map("requests", cpuMem(c.requests()), "limits", cpuMem(c.limits()));
    }

    private static Map<String, Object> cpuMem(Resources r) {
        return map("cpu", r.cpu().toCpuString(), "memory", r.memory().toMemoryString());
    }

    private static Map<String, Object> linkerdResources(Container c) {
        return map("cpu", map("request", c.requests().cpu().toCpuString(), "limit", c.limits().cpu().toCpuString()),
                "memory", map("request", c.requests().memory().toMemoryString(), "limit", c.limits().memory().toMemoryString()));
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
