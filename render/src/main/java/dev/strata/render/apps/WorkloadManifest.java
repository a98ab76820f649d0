package dev.strata.render.apps;

import dev.strata.render.Obj;
import dev.strata.render.RenderContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The app's workload: a Deployment, or an Argo Rollouts canary when the spec asks for one and the
 * controller is installed. Neither sets {@code replicas}: the HorizontalPodAutoscaler owns the count
 * (its minimum is the environment's replicas), so a sync never resets what the HPA scaled to.
 */
final class WorkloadManifest {

    /** Name of the Gateway API traffic-router plugin as Argo Rollouts' config must register it. */
    static final String GATEWAY_API_PLUGIN = "argoproj-labs/gatewayAPI";

    private WorkloadManifest() {
    }

    static Manifest of(RenderContext ctx, AppFacts f) {
        Manifest m = f.canary() ? rollout(ctx, f) : deployment(ctx, f);
        return ConfigMapManifest.database(f).map(db -> {
            List<String> comment = new ArrayList<>(m.comment());
            comment.add("");
            comment.add("Database credentials: DATABASE_USER and DATABASE_PASSWORD come from Secret " + PodTemplate.databaseSecret(f) + " (keys");
            comment.add("user, password), which this tree never contains. Seal it per environment and add the file to");
            comment.add("the overlay's resources:");
            comment.add("  kubectl create secret generic " + PodTemplate.databaseSecret(f) + " -n <env>-" + f.name() + " --from-literal=user=...");
            comment.add("    --from-literal=password=... --dry-run=client -o yaml | kubeseal -o yaml > sealedsecret-" + PodTemplate.databaseSecret(f) + ".yaml");
            comment.add("Until it exists the pod starts without them and /ready reports " + db.name() + " as unreachable.");
            return new Manifest(m.file(), comment, m.object());
        }).orElse(m);
    }

    private static Manifest deployment(RenderContext ctx, AppFacts f) {
        Map<String, Object> spec = Obj.map(
                "revisionHistoryLimit", 3,
                "selector", Obj.map("matchLabels", new TreeMap<>(f.selector())),
                "strategy", Obj.map("type", "RollingUpdate",
                        "rollingUpdate", Obj.map("maxSurge", 1, "maxUnavailable", 0)),
                "template", PodTemplate.of(ctx, f));
        return new Manifest("deployment.yaml", List.of(
                f.name() + ": no replicas here, the HorizontalPodAutoscaler owns the count.",
                "Rolling updates add one pod before removing one (maxUnavailable 0): no capacity dip."),
                Obj.of("apps/v1", "Deployment", f.name()).labels(f.labels()).put("spec", spec).build());
    }

    private static Manifest rollout(RenderContext ctx, AppFacts f) {
        Map<String, Object> canary = new LinkedHashMap<>();
        canary.put("stableService", f.name());
        canary.put("canaryService", f.canaryService());
        if (f.gateway()) {
            canary.put("trafficRouting", Obj.map("plugins", Obj.map(GATEWAY_API_PLUGIN, Obj.map("httpRoute", f.name()))));
        }
        canary.put("steps", List.of(
                Obj.map("setWeight", 20),
                Obj.map("pause", Obj.map("duration", "30s")),
                Obj.map("setWeight", 50),
                Obj.map("pause", Obj.map("duration", "30s"))));
        Map<String, Object> spec = Obj.map(
                "revisionHistoryLimit", 3,
                "selector", Obj.map("matchLabels", new TreeMap<>(f.selector())),
                "template", PodTemplate.of(ctx, f),
                "strategy", Obj.map("canary", canary));
        List<String> comment = f.gateway()
                ? List.of(
                        f.name() + ": Argo Rollouts canary, 20% → 30s → 50% → 30s → 100%.",
                        "Traffic is split where users enter: the HTTPRoute on the platform Gateway lists the stable",
                        "Service " + f.name() + " and the canary Service " + f.canaryService() + ", and Rollouts sets their weights",
                        "through its Gateway API traffic-router plugin (" + GATEWAY_API_PLUGIN + "). Argo Rollouts v1.9's",
                        "native Istio routing only rewrites VirtualServices, which an Istio gateway programmed by a",
                        "Gateway API Gateway does not consult: user traffic would never reach the canary.",
                        "The plugin must be registered in the argo-rollouts values (controller.trafficRouterPlugins).",
                        "Rollouts adds rollouts-pod-template-hash to both Services' selectors while it runs.",
                        "No replicas here: the HorizontalPodAutoscaler owns the count.")
                : List.of(
                        f.name() + ": Argo Rollouts canary, 20% → 30s → 50% → 30s → 100%.",
                        "No gateway is installed, so there is no route to weight: the split follows the ratio of",
                        "canary to stable pods. No replicas here: the HorizontalPodAutoscaler owns the count.");
        return new Manifest("rollout.yaml", comment,
                Obj.of("argoproj.io/v1alpha1", "Rollout", f.name()).labels(f.labels()).put("spec", spec).build());
    }
}
