package dev.strata.render.cluster;

import dev.strata.catalog.Catalog;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import dev.strata.render.RenderContext;
import dev.strata.spec.ClusterSpec;
import dev.strata.spec.NodeGroup;
import dev.strata.spec.PlatformSpec;
import dev.strata.spec.Provider;
import dev.strata.spec.SpecLoader;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The bundled profiles, planned once per test run, and helpers to read rendered YAML back. */
public final class ProfileContexts {

    public static final List<String> ALL = List.of("kind-lab", "kind-full", "home", "talos-ambient", "cell");
    public static final List<String> KIND = List.of("kind-lab", "kind-full", "home");
    public static final List<String> TALOS = List.of("talos-ambient", "cell");

    private static final Map<String, PlatformSpec> SPECS = new ConcurrentHashMap<>();

    private ProfileContexts() {
    }

    public static PlatformSpec spec(String profile) {
        return SPECS.computeIfAbsent(profile, p -> SpecLoader.bundled().profile(p));
    }

    public static RenderContext context(String profile) {
        return context(spec(profile));
    }

    public static RenderContext context(PlatformSpec spec) {
        return new RenderContext(spec, Planner.bundled().plan(spec, Scenario.REPLICAS), Catalog.bundled());
    }

    /** The profile with its cluster changed, e.g. another provider or Kubernetes version. */
    public static PlatformSpec withCluster(String profile, UnaryOperator<ClusterSpec> change) {
        PlatformSpec s = spec(profile);
        return new PlatformSpec(s.name(), s.profile(), change.apply(s.cluster()), s.git(), s.components(), s.environments(), s.apps());
    }

    public static ClusterSpec cluster(ClusterSpec c, Provider provider, String version, List<NodeGroup> nodes) {
        return new ClusterSpec(provider, c.name(), version, c.tierLabel(), c.tiers(), nodes, c.reserved());
    }

    /** The node groups with the first one replaced. */
    public static List<NodeGroup> withFirstGroup(ClusterSpec c, UnaryOperator<NodeGroup> change) {
        List<NodeGroup> groups = new ArrayList<>(c.nodes());
        groups.set(0, change.apply(groups.get(0)));
        return groups;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> yaml(String text) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> yamlAll(String text) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
            out.add((Map<String, Object>) o);
        }
        return out;
    }
}
