package dev.strata.spec;

import dev.strata.catalog.Catalog;
import dev.strata.spec.yaml.Problems;
import dev.strata.spec.yaml.YamlMap;
import dev.strata.yaml.tree.YNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a (merged) spec document to {@link PlatformSpec}, checking as it goes: types, unknown keys,
 * quantities, names, tiers, components and modes against the catalog. Every problem is collected;
 * the result is only used when there are none. Each section has its binder beside its records
 * ({@link ClusterBinder}, {@link GitBinder}, {@link ComponentsBinder}, {@link AppsBinder}), called
 * in the order the sections are reported.
 */
final class SpecBinder extends SectionBinder {

    private final Catalog catalog;
    private final Set<String> profiles;

    SpecBinder(Catalog catalog, Set<String> profiles, Problems problems) {
        super(problems);
        this.catalog = catalog;
        this.profiles = profiles;
    }

    Optional<PlatformSpec> bind(YNode root) {
        Optional<YamlMap> top = YamlMap.of(root, "", problems);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        YamlMap doc = top.get();
        doc.requiredString("apiVersion", "write apiVersion: " + PlatformSpec.API_VERSION).ifPresent(v -> {
            if (!PlatformSpec.API_VERSION.equals(v)) {
                problems.add(doc.node("apiVersion").orElse(root), "apiVersion", "\"" + v + "\" is not supported; use " + PlatformSpec.API_VERSION);
            }
        });
        doc.requiredString("kind", "write kind: " + PlatformSpec.KIND).ifPresent(v -> {
            if (!PlatformSpec.KIND.equals(v)) {
                problems.add(doc.node("kind").orElse(root), "kind", "\"" + v + "\" is not supported; use " + PlatformSpec.KIND);
            }
        });
        String name = doc.map("metadata").map(m -> {
            Optional<String> n = m.requiredString("name", "name the platform, e.g. name: lab");
            n.ifPresent(v -> dnsLabel(m.node("name").orElseThrow(), m.pathOf("name"), v));
            m.done();
            return n.orElse("");
        }).orElseGet(() -> {
            if (!doc.has("metadata")) {
                doc.missing("metadata", "add metadata: {name: lab}");
            }
            return "";
        });
        Optional<YamlMap> specMap = doc.map("spec");
        if (specMap.isEmpty() && !doc.has("spec")) {
            doc.missing("spec", "start from `strata init --profile kind-lab`");
        }
        doc.done();
        if (specMap.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(spec(specMap.get(), name));
    }

    private PlatformSpec spec(YamlMap s, String name) {
        String profile = s.string("profile").orElse("");
        if (!profile.isEmpty() && !profiles.contains(profile)) {
            problems.add(s.node("profile").orElseThrow(), s.pathOf("profile"), "\"" + profile + "\" is not a profile"
                    + YamlMap.suggestion(profile, profiles).replace("; known:", "; known profiles:"));
        }
        ClusterSpec cluster = s.map("cluster").map(c -> new ClusterBinder(problems).bind(c, name)).orElseGet(() -> {
            if (!s.has("cluster")) {
                s.missing("cluster", "describe the nodes, or start from a profile");
            }
            return ClusterBinder.missing(name);
        });
        GitSpec git = s.map("git").map(new GitBinder(problems)::bind).orElse(new GitSpec("", "main", ""));
        Map<String, ComponentChoice> components = s.map("components").map(new ComponentsBinder(catalog, problems)::bind).orElse(Map.of());
        AppsBinder appsBinder = new AppsBinder(problems);
        List<String> environments = appsBinder.environments(s);
        List<AppSpec> apps = appsBinder.apps(s, environments);
        s.done();
        return new PlatformSpec(name, profile, cluster, git, components, environments, apps);
    }
}
