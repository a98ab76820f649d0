package dev.strata.render;

import dev.strata.catalog.Catalog;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import dev.strata.spec.PlatformSpec;
import dev.strata.spec.SpecLoader;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The five bundled profiles, rendered once per test JVM. */
final class Profiles {

    private static final Map<String, RenderedTree> TREES = new ConcurrentHashMap<>();

    private Profiles() {
    }

    static List<String> names() {
        return dev.strata.spec.Profiles.names();
    }

    static PlatformSpec spec(String profile) {
        return SpecLoader.bundled().profile(profile);
    }

    static RenderedTree tree(String profile) {
        return TREES.computeIfAbsent(profile, p -> Renderer.bundled().render(spec(p)));
    }

    static RenderContext context(String profile) {
        PlatformSpec spec = spec(profile);
        return new RenderContext(spec, Planner.bundled().plan(spec, Scenario.REPLICAS), Catalog.bundled());
    }
}
