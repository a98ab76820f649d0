package dev.strata.plan;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Component;
import dev.strata.catalog.Conflict;
import dev.strata.catalog.Release;
import dev.strata.spec.ComponentChoice;
import dev.strata.spec.PlatformSpec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the spec's component choices into the set of components to install, in dependency order,
 * after checking that nothing is missing, in conflict, unsupported on the cluster provider, or in a
 * dependency cycle. Every problem is collected before failing.
 */
public final class Resolver {

    /** Capabilities of which a platform can have only one provider. */
    static final Set<String> EXCLUSIVE = Set.of("cni", "mesh", "load-balancer", "cluster-provider");

    /**
     * Capabilities a component gives up when a value is set to false (Cilium assigns LoadBalancer
     * addresses unless its LB IPAM is switched off: {@code enableLBIPAM}, on by default).
     */
    static final Map<String, Map<String, String>> SWITCHABLE = Map.of(
            "cilium", Map.of("load-balancer", "enableLBIPAM"));

    /** The in-cluster git server's catalog entry, added when the spec names no git remote. */
    public static final String GIT_SERVER = "gitea";

    private final Catalog catalog;

    public Resolver(Catalog catalog) {
        this.catalog = catalog;
    }

    public List<ResolvedComponent> resolve(PlatformSpec spec) {
        List<String> problems = new ArrayList<>();
        Map<String, ResolvedComponent> enabled = new TreeMap<>();
        SortedSet<String> platform = new TreeSet<>();
        spec.components().values().stream().filter(ComponentChoice::enabled).forEach(c -> platform.add(c.id()));
        for (ComponentChoice c : spec.components().values()) {
            if (!c.enabled()) {
                continue;
            }
            Component entry = catalog.get(c.id());
            Optional<String> mode = c.mode().or(entry::defaultMode);
            enabled.put(c.id(), new ResolvedComponent(entry, mode, c.values(), entry.releasesFor(mode),
                    spec.cluster().provider().id(), spec.cluster().name(), Collections.unmodifiableSortedSet(platform)));
        }
        // The tree must be served from somewhere Argo CD can pull: with no remote, the in-cluster git server
        // is part of the platform — planned, sized, placed and rendered like any component.
        if (spec.git().inCluster() && catalog.contains(GIT_SERVER) && !enabled.containsKey(GIT_SERVER)) {
            ComponentChoice choice = spec.components().get(GIT_SERVER);
            if (choice != null && !choice.enabled()) {
                problems.add("spec.components." + GIT_SERVER + ": the spec names no git remote (spec.git.url), so the tree is served by the"
                        + " in-cluster git server " + GIT_SERVER + "; enable it, or set spec.git.url to a repository Argo CD can reach");
            } else {
                Component entry = catalog.get(GIT_SERVER);
                platform.add(GIT_SERVER);
                enabled.put(GIT_SERVER, new ResolvedComponent(entry, entry.defaultMode(), Map.of(), entry.releasesFor(entry.defaultMode()),
                        spec.cluster().provider().id(), spec.cluster().name(), Collections.unmodifiableSortedSet(platform)));
            }
        }
        String provider = spec.cluster().provider().id();
        for (ResolvedComponent rc : enabled.values()) {
            Component e = rc.entry();
            String reason = e.unsupportedProviders().get(provider);
            if (reason != null) {
                problems.add("spec.components." + e.id() + ": " + e.id() + " cannot run on provider " + provider + ": " + reason
                        + "; disable it (components." + e.id() + ".enabled: false) or use another cluster provider");
            }
            for (String dep : e.dependsOn()) {
                if (!enabled.containsKey(dep)) {
                    problems.add("spec.components." + e.id() + ": needs " + dep + ", which is not enabled; enable it (components." + dep
                            + ": {}) or disable " + e.id());
                }
            }
            for (Conflict c : e.conflicts()) {
                if (enabled.containsKey(c.id()) && e.id().compareTo(c.id()) < 0) {
                    problems.add("spec.components: " + e.id() + " and " + c.id() + " cannot both be enabled: " + c.reason()
                            + "; disable one of them");
                }
            }
        }
        Map<String, List<String>> providers = new TreeMap<>();
        for (ResolvedComponent rc : enabled.values()) {
            for (String cap : capabilities(rc)) {
                if (EXCLUSIVE.contains(cap)) {
                    providers.computeIfAbsent(cap, k -> new ArrayList<>()).add(rc.id());
                }
            }
        }
        providers.forEach((cap, ids) -> {
            if (ids.size() > 1 && !alreadyInConflict(ids, enabled)) {
                problems.add("spec.components: " + String.join(" and ", ids) + " both provide " + cap + "; a platform has one " + cap
                        + hint(cap) + "; disable one of them");
            }
        });
        List<String> order = topological(enabled, problems);
        if (!problems.isEmpty()) {
            throw new PlanException(problems);
        }
        return order.stream().map(enabled::get).toList();
    }

    /** What a resolved component provides, conditional capabilities included only when switched on. */
    public static Set<String> capabilities(ResolvedComponent rc) {
        Set<String> caps = new LinkedHashSet<>(rc.entry().capabilities());
        Map<String, String> switchable = SWITCHABLE.getOrDefault(rc.id(), Map.of());
        switchable.forEach((cap, key) -> {
            boolean off = rc.releases().stream().anyMatch(r -> Values.get(rc.valuesOf(r), key).map(v -> !Values.truthy(v)).orElse(false));
            if (off) {
                caps.remove(cap);
            }
        });
        return caps;
    }

    private static String hint(String cap) {
        return switch (cap) {
            case "load-balancer" -> " (to keep MetalLB, switch Cilium's LB IPAM off: components.cilium.values: {enableLBIPAM: false, l2announcements: {enabled: false}})";
            case "mesh" -> " (Istio and Linkerd would both inject into the same pods)";
            default -> "";
        };
    }

    private boolean alreadyInConflict(List<String> ids, Map<String, ResolvedComponent> enabled) {
        for (String a : ids) {
            for (Conflict c : enabled.get(a).entry().conflicts()) {
                if (ids.contains(c.id())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Dependency order: the CNI first (every other pod needs it), then by layer and id, each
     * component after its dependencies. A cycle is reported with its path.
     */
    private static List<String> topological(Map<String, ResolvedComponent> enabled, List<String> problems) {
        List<String> order = new ArrayList<>();
        Map<String, Integer> state = new LinkedHashMap<>();
        List<String> ids = enabled.values().stream()
                .sorted(Comparator.comparing((ResolvedComponent r) -> !capabilities(r).contains("cni"))
                        .thenComparing(r -> r.entry().layer())
                        .thenComparing(ResolvedComponent::id))
                .map(ResolvedComponent::id).toList();
        for (String id : ids) {
            visit(id, enabled, state, new ArrayDeque<>(), order, problems);
        }
        return order;
    }

    private static void visit(String id, Map<String, ResolvedComponent> enabled, Map<String, Integer> state, Deque<String> stack,
                              List<String> order, List<String> problems) {
        Integer s = state.get(id);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (Iterator<String> it = stack.descendingIterator(); it.hasNext(); ) {
                String x = it.next();
                in |= x.equals(id);
                if (in) {
                    cycle.add(x);
                }
            }
            cycle.add(id);
            problems.add("dependency cycle: " + String.join(" → ", cycle) + "; remove one of these dependencies from the catalog entries");
            return;
        }
        state.put(id, 1);
        stack.push(id);
        for (String dep : enabled.get(id).entry().dependsOn().stream().sorted().toList()) {
            if (enabled.containsKey(dep)) {
                visit(dep, enabled, state, stack, order, problems);
            }
        }
        stack.pop();
        state.put(id, 2);
        order.add(id);
    }

    /** Releases of the resolved set in install order (for callers that do not need waves). */
    public static List<Release> releases(List<ResolvedComponent> resolved) {
        return resolved.stream().flatMap(r -> r.releases().stream()).toList();
    }
}
