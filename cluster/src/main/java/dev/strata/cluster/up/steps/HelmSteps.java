package dev.strata.cluster.up.steps;

import dev.strata.cluster.helm.HelmRelease;
import dev.strata.cluster.up.Fingerprint;

import java.util.ArrayList;
import java.util.List;

/** Shared by the steps that install charts in-process. */
final class HelmSteps {

    private HelmSteps() {
    }

    /** Installs; a failure (typically Helm's wait timing out) comes with the failing pods of the release's namespace. */
    static void install(dev.strata.cluster.up.UpContext ctx, HelmRelease r) {
        try {
            ctx.helm().upgradeInstall(r);
        } catch (dev.strata.cluster.ClusterException e) {
            List<String> evidence = new java.util.ArrayList<>(e.evidence());
            try {
                evidence.addAll(dev.strata.cluster.wait.Evidence.pods(ctx.kube(), List.of(r.namespace())));
            } catch (RuntimeException ignored) {
                // no evidence is better than hiding the install error behind a second one
            }
            throw new dev.strata.cluster.ClusterException(e.getMessage(), evidence);
        }
    }

    static String fingerprint(List<HelmRelease> releases) {
        List<String> parts = new ArrayList<>();
        for (HelmRelease r : releases) {
            parts.addAll(List.of(r.name(), r.namespace(), r.repository(), r.chart(), r.version(), r.values()));
        }
        return Fingerprint.of(parts.toArray(String[]::new));
    }
}
