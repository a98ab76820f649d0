package dev.strata.render.apps;

import dev.strata.catalog.Catalog;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import dev.strata.render.RenderContext;
import dev.strata.render.RenderedTree;
import dev.strata.spec.PlatformSpec;
import dev.strata.spec.SpecLoader;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** A bundled profile rendered by {@link AppsGenerator} alone, with helpers to read the YAML back. */
record RenderedApps(String profile, PlatformSpec spec, RenderContext ctx, RenderedTree tree) {

    static final List<String> PROFILES = List.of("kind-lab", "kind-full", "home", "cell", "talos-ambient");

    private static final Map<String, RenderedApps> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The profile rendered once per test run (planning is the slow part); read-only for callers. */
    static RenderedApps of(String profile) {
        return CACHE.computeIfAbsent(profile, RenderedApps::fresh);
    }

    /** A new render, for tests that compare two of them. */
    static RenderedApps fresh(String profile) {
        PlatformSpec spec = SpecLoader.bundled().profile(profile);
        RenderContext ctx = new RenderContext(spec, Planner.bundled().plan(spec, Scenario.REPLICAS), Catalog.bundled());
        RenderedTree tree = new RenderedTree();
        new AppsGenerator().generate(ctx, tree);
        return new RenderedApps(profile, spec, ctx, tree);
    }

    Path writeTo(Path dir) throws IOException {
        for (var e : tree.files().entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        return dir;
    }

    /** The one document of a rendered file. */
    Map<String, Object> doc(String path) {
        return single(tree.get(path));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> single(String yaml) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> all(String yaml) {
        List<Map<String, Object>> out = new ArrayList<>();
        StreamSupport.stream(new Load(LoadSettings.builder().build()).loadAllFromString(yaml).spliterator(), false)
                .filter(java.util.Objects::nonNull)
                .forEach(d -> out.add((Map<String, Object>) d));
        return out;
    }

    // --- navigation in parsed objects -------------------------------------------------------

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... path) {
        Object cur = node;
        for (String p : path) {
            if (cur instanceof Map<?, ?> m) {
                cur = m.get(p);
            } else if (cur instanceof List<?> l) {
                cur = l.get(Integer.parseInt(p));
            } else {
                throw new AssertionError("no " + String.join(".", path) + " in " + node);
            }
            if (cur == null) {
                throw new AssertionError("no " + String.join(".", path) + " in " + node);
            }
        }
        return (T) cur;
    }

    static String kind(Map<String, Object> o) {
        return (String) o.get("kind");
    }

    static String name(Map<String, Object> o) {
        return at(o, "metadata", "name");
    }
}
