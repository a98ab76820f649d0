package dev.strata.render.config;

import dev.strata.render.Generator;
import dev.strata.render.RenderContext;
import dev.strata.render.RenderFixtures;
import dev.strata.render.RenderedTree;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The bundled profiles rendered by this area's generators alone, once per test run. */
final class Profiles {

    static final List<String> ALL = RenderFixtures.profiles();
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    record Rendered(String profile, RenderContext ctx, RenderedTree tree) {
        @Override
        public String toString() {
            return profile;
        }
    }

    private Profiles() {
    }

    static List<Generator> generators() {
        return List.of(new NamespacesGenerator(), new CertificatesGenerator(), new GatewayGenerator(), new MeshPoliciesGenerator(),
                new LinkerdIdentityGenerator(), new AdmissionPoliciesGenerator(), new ObservabilityGenerator());
    }

    static RenderContext context(String profile) {
        return RenderFixtures.context(profile);
    }

    static Rendered render(String profile) {
        return CACHE.computeIfAbsent(profile, p -> render(p, context(p)));
    }

    static Rendered render(String name, RenderContext ctx) {
        return new Rendered(name, ctx, RenderFixtures.generate(ctx, generators()));
    }

    static List<Rendered> all() {
        return ALL.stream().map(Profiles::render).toList();
    }
}
