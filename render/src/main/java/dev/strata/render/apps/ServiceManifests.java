package dev.strata.render.apps;

import dev.strata.render.Obj;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The app's identity and in-cluster address: ServiceAccount and Service(s). */
final class ServiceManifests {

    private ServiceManifests() {
    }

    static Manifest serviceAccount(AppFacts f) {
        return new Manifest("serviceaccount.yaml", List.of(
                "Own identity for " + f.name() + " (and its mesh principal). The app never calls the Kubernetes",
                "API, so no token is mounted."),
                Obj.of("v1", "ServiceAccount", f.name()).labels(f.labels())
                        .put("automountServiceAccountToken", false).build());
    }

    static List<Manifest> services(AppFacts f) {
        List<Manifest> out = new ArrayList<>();
        out.add(new Manifest("service.yaml", f.canary()
                ? List.of("Stable Service of the canary: Argo Rollouts pins its selector to the stable pods.")
                : List.of("ClusterIP only: users arrive through the platform gateway, never a NodePort."),
                service(f, f.name())));
        if (f.canary()) {
            out.add(new Manifest("service-" + f.canaryService() + ".yaml", List.of(
                    "Canary Service: same selector as " + f.name() + "; Argo Rollouts adds the canary pods'",
                    "rollouts-pod-template-hash while a rollout runs (and the stable one otherwise)."),
                    service(f, f.canaryService())));
        }
        return out;
    }

    private static Map<String, Object> service(AppFacts f, String name) {
        return Obj.of("v1", "Service", name).labels(f.labels())
                .put("spec", Obj.map(
                        "type", "ClusterIP",
                        "selector", new TreeMap<>(f.selector()),
                        "ports", List.of(Obj.map("name", "http", "port", f.port(), "targetPort", "http", "protocol", "TCP"))))
                .build();
    }
}
