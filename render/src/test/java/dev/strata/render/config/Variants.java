package dev.strata.render.config;

import dev.strata.render.RenderFixtures;

import java.util.Map;

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
        return Profiles.render(profile + "+" + switches, RenderFixtures.context(RenderFixtures.withComponents(profile, switches)));
    }
}
