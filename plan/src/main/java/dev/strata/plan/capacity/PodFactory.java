package dev.strata.plan.capacity;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Container;
import dev.strata.catalog.Quantity;
import dev.strata.catalog.Release;
import dev.strata.catalog.Resources;
import dev.strata.catalog.Workload;
import dev.strata.catalog.WorkloadKind;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.Values;
import dev.strata.spec.AppEnvironment;
import dev.strata.spec.AppSpec;
import dev.strata.spec.ClusterSpec;
import dev.strata.spec.NodeGroup;
import dev.strata.spec.NodeRole;
import dev.strata.spec.PlatformSpec;
import dev.strata.spec.Taint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a spec and its resolved components into nodes and pods: every catalog workload (sized by the
 * catalog, or by the spec's value overrides at the container's values key), every app replica per
 * environment with the mesh's sidecars where injected, and Kubernetes' own pods.
 */
public final class PodFactory {

    public static final String PLATFORM_TIER = "platform";
    public static final String APPS_TIER = "apps";

    private PodFactory() {
    }

    public static List<NodeInfo> nodes(ClusterSpec cluster) {
        List<NodeInfo> out = new ArrayList<>();
        for (NodeGroup g : cluster.nodes()) {
            for (int i = 1; i <= g.count(); i++) {
                String name = g.count() == 1 ? g.name() : g.name() + "-" + i;
                Map<String, String> labels = new LinkedHashMap<>(g.labels());
                labels.put("kubernetes.io/hostname", name);
                if (g.role() == NodeRole.CONTROL_PLANE) {
                    labels.put("node-role.kubernetes.io/control-plane", "");
                }
                g.tier().ifPresent(t -> labels.put(cluster.tierLabel(), t));
                out.add(new NodeInfo(name, g.name(), g.role() == NodeRole.CONTROL_PLANE, g.tier(), Map.copyOf(labels),
                        g.effectiveTaints(), g.capacity(), g.capacity().minus(cluster.reserved())));
            }
        }
        return out;
    }

    public static List<PodRequest> pods(Catalog catalog, PlatformSpec spec, List<ResolvedComponent> resolved, Scenario scenario) {
        List<PodRequest> pods = new ArrayList<>(KubernetesPods.of(catalog, spec, resolved));
        for (ResolvedComponent rc : resolved) {
            for (Release r : rc.releases()) {
                Map<String, Object> values = rc.valuesOf(r);
                for (Workload w : r.workloads()) {
                    pods.addAll(componentPods(spec, rc, r, w, values));
                }
            }
        }
        List<Container> sidecars = sidecars(resolved);
        for (AppSpec app : spec.apps()) {
            for (AppEnvironment env : app.environments()) {
                pods.addAll(appPods(spec, app, env, sidecars, scenario));
            }
        }
        return pods;
    }

    private static List<PodRequest> componentPods(PlatformSpec spec, ResolvedComponent rc, Release r, Workload w, Map<String, Object> values) {
        Resources requests = Resources.NONE;
        Resources limits = Resources.NONE;
        Resources initRequests = Resources.NONE;
        Resources initLimits = Resources.NONE;
        for (Container c : w.containers()) {
            boolean linkerd = Release.LINKERD_STYLE.equals(r.resourcesStyle());
            Resources req = sized(values, c, linkerd, true, c.requests());
            Resources lim = sized(values, c, linkerd, false, c.limits());
            if (c.init()) {
                initRequests = initRequests.max(req);
                initLimits = initLimits.max(lim);
            } else {
                requests = requests.plus(req);
                limits = limits.plus(lim);
            }
        }
        requests = requests.max(initRequests);
        limits = limits.max(initLimits);
        Map<String, String> selector = Map.of();
        List<Toleration> tolerations = List.of();
        switch (w.placement()) {
            case PLATFORM -> {
                if (spec.cluster().hasTier(PLATFORM_TIER)) {
                    selector = Map.of(spec.cluster().tierLabel(), PLATFORM_TIER);
                    tolerations = tierTolerations(spec.cluster(), PLATFORM_TIER);
                }
            }
            case EVERY_NODE -> tolerations = List.of(Toleration.ALL);
            case CONTROL_PLANE -> {
                selector = Map.of("node-role.kubernetes.io/control-plane", "");
                tolerations = List.of(Toleration.of(NodeGroup.CONTROL_PLANE_TAINT));
            }
            case ANY -> tolerations = List.of(Toleration.of(NodeGroup.CONTROL_PLANE_TAINT));
        }
        String namespace = rc.entry().namespaceOf(r);
        PodRequest template = new PodRequest(w.name(), namespace, rc.id(), PodCategory.COMPONENT, requests, limits,
                selector, tolerations, w.kind() == WorkloadKind.DaemonSet, false, Optional.empty());
        if (w.kind() == WorkloadKind.DaemonSet) {
            return List.of(template);
        }
        int replicas = w.replicasKey().flatMap(k -> Values.get(values, k)).filter(Number.class::isInstance)
                .map(n -> ((Number) n).intValue()).orElse(w.replicaCount());
        List<PodRequest> out = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            out.add(template.withName(podName(w, i)));
        }
        return out;
    }

    private static String podName(Workload w, int i) {
        return switch (w.kind()) {
            case StatefulSet -> w.name() + "-" + i;
            case Job, CronJob -> w.name();
            default -> w.name() + "-" + (i + 1);
        };
    }

    /**
     * A container's requests or limits: the spec's override at its values key if there is one, in
     * the release's resources style.
     */
    static Resources sized(Map<String, Object> values, Container c, boolean linkerdStyle, boolean requests, Resources catalog) {
        if (c.valuesKey().isEmpty()) {
            return catalog;
        }
        String cpuPath = linkerdStyle ? c.valuesKey() + ".cpu." + (requests ? "request" : "limit") : c.valuesKey() + (requests ? ".requests" : ".limits") + ".cpu";
        String memPath = linkerdStyle ? c.valuesKey() + ".memory." + (requests ? "request" : "limit") : c.valuesKey() + (requests ? ".requests" : ".limits") + ".memory";
        Optional<Quantity> cpu = Values.get(values, cpuPath).flatMap(v -> Quantity.tryParse(String.valueOf(v)));
        Optional<Quantity> mem = Values.get(values, memPath).flatMap(v -> Quantity.tryParse(String.valueOf(v)));
        return new Resources(cpu.orElse(catalog.cpu()), mem.orElse(catalog.memory()));
    }

    /** Containers a mesh adds to every app pod in its mode (sidecar proxies, their init containers). */
    static List<Container> sidecars(List<ResolvedComponent> resolved) {
        List<Container> out = new ArrayList<>();
        for (ResolvedComponent rc : resolved) {
            String mode = rc.mode().orElse("sidecar");
            out.addAll(rc.entry().meshOverhead().getOrDefault(mode, List.of()));
        }
        return out;
    }

    private static List<PodRequest> appPods(PlatformSpec spec, AppSpec app, AppEnvironment env, List<Container> sidecars, Scenario scenario) {
        Resources requests = app.requests();
        Resources limits = app.limits();
        Resources initReq = Resources.NONE;
        Resources initLim = Resources.NONE;
        for (Container c : sidecars) {
            if (c.init()) {
                initReq = initReq.max(c.requests());
                initLim = initLim.max(c.limits());
            } else {
                requests = requests.plus(c.requests());
                limits = limits.plus(c.limits());
            }
        }
        requests = requests.max(initReq);
        limits = limits.max(initLim);
        Map<String, String> selector = Map.of();
        List<Toleration> tolerations = List.of();
        if (spec.cluster().hasTier(APPS_TIER)) {
            selector = Map.of(spec.cluster().tierLabel(), APPS_TIER);
            tolerations = tierTolerations(spec.cluster(), APPS_TIER);
        }
        String ns = app.namespace(env.name());
        Optional<String> anti = "required".equals(app.antiAffinity()) ? Optional.of(ns + "/" + app.name()) : Optional.empty();
        int replicas = scenario == Scenario.MAX ? env.maxReplicas() : env.replicas();
        List<PodRequest> out = new ArrayList<>();
        for (int i = 1; i <= replicas; i++) {
            out.add(new PodRequest(app.name() + "-" + i, ns, app.name(), PodCategory.APP, requests, limits, selector, tolerations, false, false, anti));
        }
        if ("canary".equals(app.rollout()) && scenario == Scenario.MAX) {
            for (int i = 1; i <= replicas; i++) {
                out.add(new PodRequest(app.name() + "-canary-" + i, ns, app.name(), PodCategory.APP, requests, limits, selector, tolerations, false, false, anti));
            }
        }
        return out;
    }

    static List<Toleration> tierTolerations(ClusterSpec cluster, String tier) {
        List<Toleration> out = new ArrayList<>();
        for (NodeGroup g : cluster.nodes()) {
            if (g.tier().filter(tier::equals).isPresent()) {
                for (Taint t : g.taints()) {
                    Toleration tol = Toleration.of(t);
                    if (!out.contains(tol)) {
                        out.add(tol);
                    }
                }
            }
        }
        return out;
    }
}
