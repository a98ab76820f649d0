package dev.strata.render.config;

import dev.strata.catalog.Catalog;
import dev.strata.plan.Plan;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import dev.strata.render.Generator;
import dev.strata.render.RenderContext;
import dev.strata.render.RenderedTree;
import dev.strata.spec.PlatformSpec;
import dev.strata.spec.SpecLoader;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The five bundled profiles, planned and rendered by this area's generators once per test run. */
final class Profiles {

    static final List<String> ALL = List.of("talos-ambient", "kind-lab", "kind-full", "cell", "home");
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
        PlatformSpec spec = SpecLoader.bundled().profile(profile);
        Plan plan = Planner.bundled().plan(spec, Scenario.REPLICAS);
        return new RenderContext(spec, plan, Catalog.bundled());
    }

    static Rendered render(String profile) {
        return CACHE.computeIfAbsent(profile, p -> {
            RenderContext ctx = context(p);
            RenderedTree tree = new RenderedTree();
            for (Generator g : generators()) {
                g.generate(ctx, tree);
            }
            return new Rendered(p, ctx, tree);
        });
    }

    static List<Rendered> all() {
        return ALL.stream().map(Profiles::render).toList();
    }
}
