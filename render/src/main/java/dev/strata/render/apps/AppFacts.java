package dev.strata.render.apps;

import dev.strata.plan.facts.MeshMode;
import dev.strata.render.RenderContext;
import dev.strata.spec.AppSpec;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the app's manifests are derived from, decided once: its labels, which workload kind runs it,
 * and which platform pieces it must be wired to (gateway, Prometheus, trace collector, mesh).
 *
 * @param canary   the app asked for {@code rollout: canary} AND Argo Rollouts is installed; a canary
 *                 without the controller would be a Rollout nobody reconciles, so it falls back to a
 *                 Deployment
 * @param otlp     OTLP/HTTP base URL of the trace collector, when one is installed
 */
record AppFacts(AppSpec app, MeshMode mesh, boolean canary, boolean gateway, boolean prometheus,
                Optional<Otlp> otlp) {

    static final String PART_OF = "strata";
    static final String NAME_LABEL = "app.kubernetes.io/name";
    /** Istio's pilot-agent port: merged Prometheus metrics and the rewritten probes (sidecar mode). */
    static final int ISTIO_AGENT_PORT = 15020;

    static AppFacts of(RenderContext ctx, AppSpec app) {
        return new AppFacts(app, ctx.facts().meshMode(),
                "canary".equals(app.rollout()) && ctx.facts().enabled("argo-rollouts"),
                ctx.facts().enabled("istio-gateway"),
                ctx.facts().enabled("kube-prometheus-stack"),
                Otlp.of(ctx));
    }

    String name() {
        return app.name();
    }

    int port() {
        return app.port();
    }

    String canaryService() {
        return app.name() + "-canary";
    }

    /** The selector of every object that picks the app's pods (Service, PDB, policies, monitors). */
    Map<String, String> selector() {
        return Map.of(NAME_LABEL, app.name());
    }

    /** Labels on every object of the app; the selector is a subset of them. */
    Map<String, String> labels() {
        Map<String, String> l = new TreeMap<>(selector());
        l.put("app.kubernetes.io/part-of", PART_OF);
        return l;
    }

    String workloadKind() {
        return canary ? "Rollout" : "Deployment";
    }

    String workloadApiVersion() {
        return canary ? "argoproj.io/v1alpha1" : "apps/v1";
    }

    /** The port Prometheus connects to: Istio's merged-metrics port with sidecars, else the app's own. */
    int scrapePort() {
        return mesh == MeshMode.ISTIO_SIDECAR ? ISTIO_AGENT_PORT : app.port();
    }
}
