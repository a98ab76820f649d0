package dev.strata.plan;

import dev.strata.catalog.Container;
import dev.strata.catalog.Placement;
import dev.strata.catalog.Release;
import dev.strata.catalog.Resources;
import dev.strata.catalog.Workload;
import dev.strata.plan.facts.PlatformFacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values every release is installed with, layered once: the catalog's tuned values (for the
 * mode, the provider and the other components), then every container's requests and limits at its
 * values key, replicas, and the tier's nodeSelector and tolerations — all from the catalog's
 * workloads, so that the plan and the render cannot disagree — then the spec's overrides, which win.
 */
public final class ReleasePlanner {

    /** Capabilities whose releases {@code up} installs with Helm before Argo CD can sync anything. */
    public static final Set<String> BOOTSTRAP = Set.of("cni", "gitops", "git-server");

    private ReleasePlanner() {
    }

    public static List<PlannedRelease> plan(PlatformFacts facts) {
        List<PlannedRelease> out = new ArrayList<>();
        for (ResolvedComponent rc : facts.components()) {
            boolean bootstrap = Resolver.capabilities(rc).stream().anyMatch(BOOTSTRAP::contains);
            for (Release r : rc.releases()) {
                out.add(new PlannedRelease(rc, r, rc.entry().namespaceOf(r), values(facts, rc, r), bootstrap));
            }
        }
        return List.copyOf(out);
    }

    static Map<String, Object> values(PlatformFacts facts, ResolvedComponent rc, Release r) {
        Map<String, Object> v = rc.tunedValuesOf(r);
        boolean linkerd = Release.LINKERD_STYLE.equals(r.resourcesStyle());
        Set<String> capabilities = Resolver.capabilities(rc);
        boolean cni = capabilities.contains(PlatformFacts.CNI);
        boolean ingress = capabilities.contains(PlatformFacts.INGRESS_CAPABILITY);
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
            Map<String, String> selector = ingress && w.placement() == Placement.PLATFORM ? facts.ingressNodeSelector() : selector(facts, w.placement());
            List<Map<String, Object>> tolerations = tolerations(facts, w.placement(), cni);
            if (w.nodeSelectorKey().isPresent() && !selector.isEmpty()) {
                v = Values.with(v, w.nodeSelectorKey().get(), new LinkedHashMap<>(selector));
            }
            if (w.tolerationsKey().isPresent() && !tolerations.isEmpty()) {
                v = Values.with(v, w.tolerationsKey().get(), tolerations);
            }
        }
        return Values.merge(v, rc.overridesOf(r));
    }

    static Map<String, String> selector(PlatformFacts facts, Placement p) {
        return switch (p) {
            case PLATFORM -> facts.platformTier().nodeSelector();
            case CONTROL_PLANE -> Map.of("node-role.kubernetes.io/control-plane", "");
            default -> Map.of();
        };
    }

    /**
     * Node agents tolerate every taint; the CNI's pods too, since every node stays NotReady until
     * the CNI runs; platform workloads tolerate their tier's taints.
     */
    static List<Map<String, Object>> tolerations(PlatformFacts facts, Placement p, boolean cni) {
        if (p == Placement.EVERY_NODE || cni) {
            return List.of(Map.of("operator", "Exists"));
        }
        return switch (p) {
            case PLATFORM -> facts.platformTier().tolerations();
            case CONTROL_PLANE -> List.of(map("key", "node-role.kubernetes.io/control-plane", "operator", "Exists", "effect", "NoSchedule"));
            default -> List.of();
        };
    }

    static Map<String, Object> resources(Container c) {
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
