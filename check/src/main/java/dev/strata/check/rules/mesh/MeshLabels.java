package dev.strata.check.rules.mesh;

import java.util.Map;

/** How a namespace is enrolled in Istio. */
final class MeshLabels {

    private MeshLabels() {
    }

    static boolean ambient(Map<String, String> labels) {
        return "ambient".equals(labels.get("istio.io/dataplane-mode"));
    }

    static boolean sidecar(Map<String, String> labels) {
        return "enabled".equals(labels.get("istio-injection")) || labels.containsKey("istio.io/rev");
    }

    static String sidecarLabel(Map<String, String> labels) {
        return "enabled".equals(labels.get("istio-injection")) ? "istio-injection=enabled"
                : "istio.io/rev=" + labels.get("istio.io/rev");
    }
}
