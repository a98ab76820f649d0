package dev.strata.render.config;

import dev.strata.catalog.Catalog;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import dev.strata.render.Generator;
import dev.strata.render.RenderContext;
import dev.strata.render.RenderedTree;
import dev.strata.spec.ComponentChoice;
import dev.strata.spec.PlatformSpec;
import dev.strata.spec.SpecLoader;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Specs no bundled profile covers: a profile with components switched on or off. */
final class Variants {

    private Variants() {
    }

    /** talos-ambient plus the observability stack: the monitoring namespace in an ambient mesh. */
    static Profiles.Rendered ambientWithMonitoring() {
        return with("talos-ambient", Map.of("kube-prometheus-stack", true, "loki", true, "tempo", true, "kyverno", true));
    }

    /** kind-lab without cert-manager: a gateway with no certificate. */
    static Profiles.Rendered withoutCertManager() {
        return with("kind-lab", Map.of("cert-manager", false));
    }

    static Profiles.Rendered with(String profile, Map<String, Boolean> switches) {
        PlatformSpec s = SpecLoader.bundled().profile(profile);
        Map<String, ComponentChoice> components = new LinkedHashMap<>(s.components());
        switches.forEach((id, on) -> components.put(id, new ComponentChoice(id, on, Optional.empty(), Map.of())));
        PlatformSpec spec = new PlatformSpec(s.name(), s.profile(), s.cluster(), s.git(), components, s.environments(), s.apps());
        RenderContext ctx = new RenderContext(spec, Planner.bundled().plan(spec, Scenario.REPLICAS), Catalog.bundled());
        RenderedTree tree = new RenderedTree();
        for (Generator g : Profiles.generators()) {
            g.generate(ctx, tree);
        }
        return new Profiles.Rendered(profile + "+" + switches, ctx, tree);
    }
}
