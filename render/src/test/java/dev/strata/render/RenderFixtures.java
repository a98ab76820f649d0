package dev.strata.render;

import dev.strata.catalog.Catalog;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import dev.strata.spec.ClusterSpec;
import dev.strata.spec.ComponentChoice;
import dev.strata.spec.NodeGroup;
import dev.strata.spec.PlatformSpec;
import dev.strata.spec.Provider;
import dev.strata.spec.SpecLoader;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The one set of render test helpers: the bundled profiles loaded, planned and rendered once per
 * test JVM (planning is the slow part; callers must not change what they get), specs varied from
 * them, and rendered YAML read back as a user's tools would read it.
 */
public final class RenderFixtures {

    private static final Map<String, PlatformSpec> SPECS = new ConcurrentHashMap<>();
    private static final Map<String, RenderContext> CONTEXTS = new ConcurrentHashMap<>();
    private static final Map<String, RenderedTree> TREES = new ConcurrentHashMap<>();

    private RenderFixtures() {
    }

    // --- profiles -----------------------------------------------------------------------------

    public static List<String> profiles() {
        return dev.strata.spec.Profiles.names();
    }

    /** The bundled profiles whose cluster runs on {@code provider}. */
    public static List<String> profilesOn(Provider provider) {
        return profiles().stream().filter(p -> spec(p).cluster().provider() == provider).toList();
    }

    public static PlatformSpec spec(String profile) {
        return SPECS.computeIfAbsent(profile, p -> SpecLoader.bundled().profile(p));
    }

    public static RenderContext context(String profile) {
        return CONTEXTS.computeIfAbsent(profile, p -> context(spec(p)));
    }

    /** A new plan of {@code spec}, never cached. */
    public static RenderContext context(PlatformSpec spec) {
        return new RenderContext(spec, Planner.bundled().plan(spec, Scenario.REPLICAS), Catalog.bundled());
    }

    /** The whole tree {@code strata render} writes for the profile. */
    public static RenderedTree tree(String profile) {
        return TREES.computeIfAbsent(profile, p -> Renderer.bundled().render(spec(p)));
    }

    /** What the given generators alone write for {@code ctx}. */
    public static RenderedTree generate(RenderContext ctx, List<? extends Generator> generators) {
        RenderedTree tree = new RenderedTree();
        for (Generator g : generators) {
            g.generate(ctx, tree);
        }
        return tree;
    }

    // --- specs varied from a profile ------------------------------------------------------------

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

    /** The profile with components switched on ({@code true}) or off. */
    public static PlatformSpec withComponents(String profile, Map<String, Boolean> switches) {
        PlatformSpec s = spec(profile);
        Map<String, ComponentChoice> components = new LinkedHashMap<>(s.components());
        switches.forEach((id, on) -> components.put(id, new ComponentChoice(id, on, Optional.empty(), Map.of())));
        return new PlatformSpec(s.name(), s.profile(), s.cluster(), s.git(), components, s.environments(), s.apps());
    }

    // --- rendered YAML read back ----------------------------------------------------------------

    /** Every document of a YAML stream (empty documents dropped); duplicate keys fail, as in kubectl. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadAllFromString(yaml)) {
            if (o != null) {
                out.add((Map<String, Object>) o);
            }
        }
        return out;
    }

    /** The one document of a file; fails when it holds none or several. */
    public static Map<String, Object> single(String yaml) {
        List<Map<String, Object>> docs = documents(yaml);
        if (docs.size() != 1) {
            throw new AssertionError("expected one document, found " + docs.size());
        }
        return docs.getFirst();
    }

    /** Every object of {@code kind} in the tree's YAML files (values files are not objects). */
    public static List<Map<String, Object>> objects(RenderedTree tree, String kind) {
        List<Map<String, Object>> out = new ArrayList<>();
        tree.files().forEach((path, content) -> {
            if (path.endsWith(".yaml") && !path.endsWith("values.yaml")) {
                for (Map<String, Object> d : documents(content)) {
                    if (kind.equals(d.get("kind"))) {
                        out.add(d);
                    }
                }
            }
        });
        return out;
    }

    /** A value by dotted path through maps, list items by index ({@code "listeners.0.port"}); null when absent. */
    public static Object at(Object root, String dotted) {
        Object cur = root;
        for (String k : dotted.split("\\.")) {
            if (cur instanceof Map<?, ?> m) {
                cur = m.get(k);
            } else if (cur instanceof List<?> l) {
                cur = l.get(Integer.parseInt(k));
            } else {
                return null;
            }
        }
        return cur;
    }

    /** A value by path (keys as given, dots and all; list items by index) that must be there: fails naming the path when not. */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object root, String... path) {
        Object cur = root;
        for (String p : path) {
            if (cur instanceof Map<?, ?> m) {
                cur = m.get(p);
            } else if (cur instanceof List<?> l) {
                cur = l.get(Integer.parseInt(p));
            } else {
                cur = null;
            }
            if (cur == null) {
                throw new AssertionError("no " + String.join(".", path) + " in " + root);
            }
        }
        return (T) cur;
    }

    public static String kind(Map<String, Object> o) {
        return (String) o.get("kind");
    }

    public static String name(Map<String, Object> o) {
        return get(o, "metadata", "name");
    }
}
