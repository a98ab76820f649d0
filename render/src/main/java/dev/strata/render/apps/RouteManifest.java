package dev.strata.render.apps;

import dev.strata.plan.facts.PlatformFacts;
import dev.strata.render.Obj;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app's entry from outside: an HTTPRoute on the platform Gateway's HTTPS listener. Its hostname
 * depends on the environment, so only the overlays set it.
 */
final class RouteManifest {

    private RouteManifest() {
    }

    static Optional<Manifest> of(AppFacts f) {
        if (!f.gateway()) {
            return Optional.empty();
        }
        List<Object> backends = f.canary()
                ? List.of(backend(f.name(), f.port(), 100), backend(f.canaryService(), f.port(), 0))
                : List.of(Obj.map("name", f.name(), "port", f.port()));
        List<String> comment = f.canary()
                ? List.of(
                        "HTTPS entry for " + f.name() + " on Gateway " + PlatformFacts.GATEWAY_NAMESPACE + "/" + PlatformFacts.GATEWAY_NAME + ". Hostnames come from the overlays.",
                        "Stable and canary backends: Argo Rollouts' Gateway API plugin moves the weights (100/0 at",
                        "rest) during a canary, so Argo CD must ignore differences in the weights (see the report).")
                : List.of("HTTPS entry for " + f.name() + " on Gateway " + PlatformFacts.GATEWAY_NAMESPACE + "/" + PlatformFacts.GATEWAY_NAME + ". Hostnames come from the overlays.");
        return Optional.of(new Manifest("httproute.yaml", comment,
                Obj.of("gateway.networking.k8s.io/v1", "HTTPRoute", f.name()).labels(f.labels())
                        .put("spec", Obj.map(
                                "parentRefs", List.of(Obj.map(
                                        "group", "gateway.networking.k8s.io",
                                        "kind", "Gateway",
                                        "name", PlatformFacts.GATEWAY_NAME,
                                        "namespace", PlatformFacts.GATEWAY_NAMESPACE,
                                        "sectionName", "https")),
                                "rules", List.of(Obj.map(
                                        "matches", List.of(Obj.map("path", Obj.map("type", "PathPrefix", "value", "/"))),
                                        "backendRefs", backends))))
                        .build()));
    }

    private static Map<String, Object> backend(String service, int port, int weight) {
        return Obj.map("name", service, "port", port, "weight", weight);
    }
}
