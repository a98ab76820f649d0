package dev.strata.render.apps;

import dev.strata.render.Obj;
import dev.strata.render.RenderContext;
import dev.strata.spec.AppEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One environment of an app: the namespace {@code <env>-<app>}, and the only things that differ
 * between environments — replicas (the HPA's range), the environment name, the host name, and the
 * namespace's ResourceQuota and LimitRange sized from those replicas.
 */
final class OverlayManifests {

    private OverlayManifests() {
    }

    static List<Manifest> of(RenderContext ctx, AppFacts f, AppEnvironment env) {
        List<Manifest> resources = new ArrayList<>();
        List<Manifest> patches = new ArrayList<>();
        NamespaceBudget budget = NamespaceBudget.of(ctx, f, env);
        resources.add(quota(f, env, budget));
        resources.add(limitRange(f, budget));
        patches.add(new Manifest("patch-configmap.yaml", List.of("The environment the app reports in /config, logs and traces."),
                patchHead("v1", "ConfigMap", f.name()).put("data", Obj.map("ENVIRONMENT", env.name())).build()));
        patches.add(new Manifest("patch-horizontalpodautoscaler.yaml", List.of(
                env.name() + ": " + env.replicas() + " replica(s), scaled up to " + env.maxReplicas() + " on CPU."),
                patchHead("autoscaling/v2", "HorizontalPodAutoscaler", f.name())
                        .put("spec", Obj.map("minReplicas", env.replicas(), "maxReplicas", env.maxReplicas())).build()));
        if (f.gateway()) {
            patches.add(new Manifest("patch-httproute.yaml", List.of("The host name users reach " + env.name() + " at."),
                    patchHead("gateway.networking.k8s.io/v1", "HTTPRoute", f.name())
                            .put("spec", Obj.map("hostnames", List.of(ctx.facts().gateway().appHost(f.name(), env.name())))).build()));
        }
        List<Manifest> out = new ArrayList<>();
        out.add(kustomization(f, env, resources, patches));
        out.addAll(resources);
        out.addAll(patches);
        return out;
    }

    private static Obj patchHead(String apiVersion, String kind, String name) {
        return Obj.of(apiVersion, kind, name);
    }

    private static Manifest kustomization(AppFacts f, AppEnvironment env, List<Manifest> resources, List<Manifest> patches) {
        List<String> res = new ArrayList<>();
        res.add("../../base");
        resources.forEach(m -> res.add(m.file()));
        Map<String, Object> k = Obj.map(
                "apiVersion", "kustomize.config.k8s.io/v1beta1",
                "kind", "Kustomization",
                "namespace", f.app().namespace(env.name()),
                "resources", res,
                "patches", patches.stream().map(p -> (Object) Obj.map("path", p.file())).toList());
        return new Manifest("kustomization.yaml", List.of(
                f.name() + " in " + env.name() + ": the base, put in namespace " + f.app().namespace(env.name()) + ", with this environment's",
                "replicas, host name and resource budget. Argo CD syncs this directory."), k);
    }

    private static Manifest quota(AppFacts f, AppEnvironment env, NamespaceBudget b) {
        Map<String, Object> hard = new TreeMap<>();
        hard.put("pods", Integer.toString(b.pods()));
        hard.put("requests.cpu", b.totalRequests().cpu().toCpuString());
        hard.put("requests.memory", b.totalRequests().memory().toMemoryString());
        hard.put("limits.cpu", b.totalLimits().cpu().toCpuString());
        hard.put("limits.memory", b.totalLimits().memory().toMemoryString());
        // Users enter through the gateway; a Service that opens a node port or a load balancer is a mistake here.
        hard.put("services.nodeports", "0");
        hard.put("services.loadbalancers", "0");
        return new Manifest("resourcequota.yaml", List.of(
                "Ceiling for " + f.app().namespace(env.name()) + ": " + b.pods() + " pods of " + b.podRequests().toCpuMem() + " requests / "
                        + b.podLimits().toCpuMem() + " limits each (app + mesh).",
                b.pods() + " = peak " + b.peakPods() + " (" + (f.canary()
                        ? "canary and stable ReplicaSets both at maxReplicas " + env.maxReplicas()
                        : "maxReplicas " + env.maxReplicas() + " + 1 surge pod of a rolling update")
                        + ") + a quarter headroom (at least one pod)."),
                Obj.of("v1", "ResourceQuota", f.name()).labels(f.labels()).put("spec", Obj.map("hard", hard)).build());
    }

    private static Manifest limitRange(AppFacts f, NamespaceBudget b) {
        return new Manifest("limitrange.yaml", List.of(
                "A container that states no resources gets the app's own (the quota would refuse it otherwise);",
                "none may ask for more than the largest container of the app's pod (app or mesh proxy)."),
                Obj.of("v1", "LimitRange", f.name()).labels(f.labels())
                        .put("spec", Obj.map("limits", List.of(Obj.map(
                                "type", "Container",
                                "default", PodTemplate.resources(f.app().limits()),
                                "defaultRequest", PodTemplate.resources(f.app().requests()),
                                "max", PodTemplate.resources(b.containerMax())))))
                        .build());
    }
}
