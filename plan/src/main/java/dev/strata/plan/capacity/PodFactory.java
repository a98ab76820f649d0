package dev.strata.plan.capacity;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Container;
import dev.strata.catalog.Quantity;
import dev.strata.catalog.Release;
import dev.strata.catalog.Resources;
import dev.strata.catalog.Workload;
import dev.strata.catalog.WorkloadKind;
import dev.strata.plan.PlannedRelease;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.facts.PlatformFacts;
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

    private PodFactory() {
    }

    public static List<PodRequest> pods(Catalog catalog, PlatformSpec spec, List<PlannedRelease> releases, Scenario scenario) {
        return pods(catalog, spec, releases, scenario, Map.of());
    }

    /**
     * @param measured per release name, the workloads its chart renders with the planned values: they
     *                 replace the catalog's declaration of what the chart renders (what operators
     *                 create at run time stays declared)
     */
    public static List<PodRequest> pods(Catalog catalog, PlatformSpec spec, List<PlannedRelease> releases, Scenario scenario,
                                        Map<String, List<ChartPods.Template>> measured) {
        List<ResolvedComponent> resolved = releases.stream().map(PlannedRelease::component).distinct().toList();
        List<PodRequest> pods = new ArrayList<>(KubernetesPods.of(catalog, spec, resolved));
        for (PlannedRelease pr : releases) {
            List<ChartPods.Template> rendered = measured.get(pr.name());
            if (rendered != null) {
                rendered.forEach(t -> pods.addAll(t.pods(pr.componentId())));
            }
            for (Workload w : pr.release().workloads()) {
                if (rendered == null || w.byOperator()) {
                    pods.addAll(componentPods(spec, pr.component(), pr.release(), w, pr.values()));
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
        Resources[] sized = declaredPod(r, w, values);
        Resources requests = sized[0];
        Resources limits = sized[1];
        Map<String, String> selector = Map.of();
        List<Toleration> tolerations = List.of();
        switch (w.placement()) {
            case PLATFORM -> {
                if (spec.cluster().hasTier(PlatformFacts.PLATFORM_TIER)) {
                    selector = Map.of(spec.cluster().tierLabel(), PlatformFacts.PLATFORM_TIER);
                    tolerations = tierTolerations(spec.cluster(), PlatformFacts.PLATFORM_TIER);
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
        PodCategory category = w.kind() == WorkloadKind.Job || w.kind() == WorkloadKind.CronJob ? PodCategory.JOB : PodCategory.COMPONENT;
        PodRequest template = new PodRequest(w.name(), w.namespace().orElse(namespace), rc.id(), category, requests, limits,
                selector, tolerations, w.kind() == WorkloadKind.DaemonSet, false, Optional.empty());
        if (w.kind() == WorkloadKind.DaemonSet) {
            return List.of(template);
        }
        int replicas = declaredReplicas(w, values);
        List<PodRequest> out = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            out.add(template.withName(podName(w, i)));
        }
        return out;
    }

    /** [requests, limits] of one pod of a declared workload, each container sized by the planned values. */
    public static Resources[] declaredPod(Release r, Workload w, Map<String, Object> values) {
        Resources requests = Resources.NONE;
        Resources limits = Resources.NONE;
        Resources initRequests = Resources.NONE;
        Resources initLimits = Resources.NONE;
        boolean linkerd = Release.LINKERD_STYLE.equals(r.resourcesStyle());
        for (Container c : w.containers()) {
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
        return new Resources[] {requests.max(initRequests), limits.max(initLimits)};
    }

    /** Replicas of a declared workload under the planned values (a DaemonSet's pod once). */
    public static int declaredReplicas(Workload w, Map<String, Object> values) {
        if (w.kind() == WorkloadKind.DaemonSet) {
            return 1;
        }
        return w.replicasKey().flatMap(k -> Values.get(values, k)).filter(Number.class::isInstance)
                .map(n -> ((Number) n).intValue()).orElse(w.replicaCount());
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
        if (spec.cluster().hasTier(PlatformFacts.APPS_TIER)) {
            selector = Map.of(spec.cluster().tierLabel(), PlatformFacts.APPS_TIER);
            tolerations = tierTolerations(spec.cluster(), PlatformFacts.APPS_TIER);
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
