package dev.strata.cluster.up.steps;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.helm.HelmRelease;
import dev.strata.cluster.up.Fingerprint;
import dev.strata.cluster.up.UpContext;
import dev.strata.cluster.wait.Evidence;
import dev.strata.plan.ResolvedComponent;

import java.util.ArrayList;
import java.util.List;

/** Shared by the steps that install charts in-process. */
final class HelmSteps {

    private HelmSteps() {
    }

    /** The Helm releases of a component, each with the values the plan computed. */
    static List<HelmRelease> releases(UpContext ctx, ResolvedComponent rc) {
        return ctx.plan().releases().stream().filter(pr -> pr.componentId().equals(rc.id()) && pr.source().helm())
                .map(HelmRelease::of).toList();
    }

    /** Installs; a failure (typically Helm's wait timing out) comes with the failing pods of the release's namespace. */
    static void install(UpContext ctx, HelmRelease r) {
        try {
            ctx.helm().upgradeInstall(r);
        } catch (ClusterException e) {
            List<String> evidence = new ArrayList<>(e.evidence());
            try {
                evidence.addAll(Evidence.pods(ctx.kube(), List.of(r.namespace())));
            } catch (RuntimeException ignored) {
                // no evidence is better than hiding the install error behind a second one
            }
            throw new ClusterException(e.getMessage(), evidence);
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
