package dev.strata.cluster.up.steps;

import dev.strata.cluster.helm.HelmRelease;
import dev.strata.cluster.up.Fingerprint;

import java.util.ArrayList;
import java.util.List;

/** Shared by the steps that install charts in-process. */
final class HelmSteps {

    private HelmSteps() {
    }

    static String fingerprint(List<HelmRelease> releases) {
        List<String> parts = new ArrayList<>();
        for (HelmRelease r : releases) {
            parts.addAll(List.of(r.name(), r.namespace(), r.repository(), r.chart(), r.version(), r.values()));
        }
        return Fingerprint.of(parts.toArray(String[]::new));
    }
}
