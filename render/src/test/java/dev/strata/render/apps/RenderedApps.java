package dev.strata.render.apps;

import dev.strata.render.RenderContext;
import dev.strata.render.RenderFixtures;
import dev.strata.render.RenderedTree;
import dev.strata.spec.PlatformSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A bundled profile rendered by {@link AppsGenerator} alone. */
record RenderedApps(String profile, PlatformSpec spec, RenderContext ctx, RenderedTree tree) {

    static final List<String> PROFILES = RenderFixtures.profiles();

    private static final Map<String, RenderedApps> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The profile rendered once per test run (planning is the slow part); read-only for callers. */
    static RenderedApps of(String profile) {
        return CACHE.computeIfAbsent(profile, RenderedApps::fresh);
    }

    /** A new render, for tests that compare two of them. */
    static RenderedApps fresh(String profile) {
        PlatformSpec spec = dev.strata.spec.SpecLoader.bundled().profile(profile);
        RenderContext ctx = RenderFixtures.context(spec);
        return new RenderedApps(profile, spec, ctx, RenderFixtures.generate(ctx, List.of(new AppsGenerator())));
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

    static Map<String, Object> single(String yaml) {
        return RenderFixtures.single(yaml);
    }
}
