package dev.strata.check.graph;

import java.util.Set;

/**
 * What a mesh's mutating webhook fills into a pod at creation, as far as the check models it: Istio's
 * injector replaces the image placeholder {@code auto} of a pod that asks for injection — the
 * gateway chart's Deployment ships {@code image: auto} with {@code inject.istio.io/templates:
 * gateway} (istio/istio {@code manifests/charts/gateway/templates/deployment.yaml}).
 */
public final class Injection {

    /** The image placeholder the injector replaces. */
    public static final String PLACEHOLDER_IMAGE = "auto";

    private Injection() {
    }

    /**
     * Ports an Istio-injected proxy listens on whatever the template declares: 15021, where the
     * readiness probe it injects reads the status, 15090 (Envoy's Prometheus port) and 15020 (the
     * merged metrics) — istio 1.30 injection templates (gateway-injection-template.yaml, sidecar.yaml).
     */
    public static final Set<String> ISTIO_PORTS = Set.of("15020", "15021", "15090");

    /** Whether Istio's injector mutates this pod (the gateway template, or sidecar injection asked for by the pod). */
    public static boolean istio(PodTemplate pod) {
        return pod.annotations().containsKey("inject.istio.io/templates")
                || "true".equals(pod.labels().get("sidecar.istio.io/inject"))
                || "true".equals(pod.annotations().get("sidecar.istio.io/inject"));
    }

    /** An image the injector writes at pod creation, so the template's value is not what runs. */
    public static boolean filledIn(PodTemplate pod, String image) {
        return PLACEHOLDER_IMAGE.equals(image) && istio(pod);
    }
}
