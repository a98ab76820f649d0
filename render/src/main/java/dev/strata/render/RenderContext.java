package dev.strata.render;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Release;
import dev.strata.plan.Plan;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.Wave;
import dev.strata.plan.WaveItem;
import dev.strata.plan.capacity.PodFactory;
import dev.strata.spec.NodeGroup;
import dev.strata.spec.PlatformSpec;
import dev.strata.spec.Taint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What every generator reads: the spec, its plan, and the facts derived from them once (where
 * the tree lives in git, waves, tier placement, mesh mode, well-known endpoints of components).
 */
public final class RenderContext {

    /** Where Strata's in-cluster git server serves the tree when the spec names no remote. */
    public static final String IN_CLUSTER_GIT = "http://gitea-http.gitea.svc.cluster.local:3000/strata/%s.git";
    public static final String ARGOCD_NAMESPACE = "argocd";
    public static final String GATEWAY_NAME = "platform";
    public static final String GATEWAY_NAMESPACE = "istio-ingress";
    public static final String MONITORING_NAMESPACE = "monitoring";

    private final PlatformSpec spec;
    private final Plan plan;
    private final Catalog catalog;
    private final Map<String, Integer> waves = new LinkedHashMap<>();
    private final Map<String, String> reasons = new LinkedHashMap<>();

    public RenderContext(PlatformSpec spec, Plan plan, Catalog catalog) {
        this.spec = spec;
        this.plan = plan;
        this.catalog = catalog;
        for (Wave w : plan.waves()) {
            for (WaveItem i : w.items()) {
                waves.put(i.name(), w.number());
                reasons.put(i.name(), i.reason());
            }
        }
    }

    public PlatformSpec spec() {
        return spec;
    }

    public Plan plan() {
        return plan;
    }

    public Catalog catalog() {
        return catalog;
    }

    public String clusterName() {
        return spec.cluster().name();
    }

    // --- git ---------------------------------------------------------------------------------

    public String repoUrl() {
        return spec.git().inCluster() ? IN_CLUSTER_GIT.formatted(clusterName()) : spec.git().url();
    }

    public String revision() {
        return spec.git().branch();
    }

    /** A path of the rendered tree as Argo CD sees it inside the repository. */
    public String repoPath(String treePath) {
        String prefix = spec.git().path();
        return prefix.isEmpty() ? treePath : prefix.replaceAll("/+$", "") + "/" + treePath;
    }

    // --- waves -------------------------------------------------------------------------------

    public int wave(String item) {
        Integer w = waves.get(item);
        if (w == null) {
            throw new IllegalArgumentException("no wave for " + item);
        }
        return w;
    }

    public String waveReason(String item) {
        return reasons.getOrDefault(item, "");
    }

    public boolean hasWaveItem(String item) {
        return waves.containsKey(item);
    }

    // --- components --------------------------------------------------------------------------

    public List<ResolvedComponent> components() {
        return plan.components();
    }

    public boolean enabled(String id) {
        return plan.components().stream().anyMatch(c -> c.id().equals(id));
    }

    public Optional<ResolvedComponent> component(String id) {
        return plan.components().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public String namespaceOf(ResolvedComponent rc, Release r) {
        return rc.entry().namespaceOf(r);
    }

    /** Namespaces the platform's releases install into, each with the components in it (sorted). */
    public Map<String, List<String>> platformNamespaces() {
        Map<String, List<String>> out = new TreeMap<>();
        for (ResolvedComponent rc : plan.components()) {
            for (Release r : rc.releases()) {
                List<String> ids = out.computeIfAbsent(rc.entry().namespaceOf(r), k -> new ArrayList<>());
                if (!ids.contains(rc.id())) {
                    ids.add(rc.id());
                }
            }
        }
        return out;
    }

    public MeshMode meshMode() {
        Optional<ResolvedComponent> istio = component("istio");
        if (istio.isPresent()) {
            return istio.get().mode().orElse("sidecar").equals("ambient") ? MeshMode.ISTIO_AMBIENT : MeshMode.ISTIO_SIDECAR;
        }
        return enabled("linkerd") ? MeshMode.LINKERD : MeshMode.NONE;
    }

    // --- tiers -------------------------------------------------------------------------------

    /** nodeSelector for a tier's workloads; empty when no node group serves that tier. */
    public Map<String, String> nodeSelector(String tier) {
        return spec.cluster().hasTier(tier) ? Map.of(spec.cluster().tierLabel(), tier) : Map.of();
    }

    /** Kubernetes tolerations for the taints of a tier's node groups. */
    public List<Map<String, Object>> tolerations(String tier) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NodeGroup g : spec.cluster().nodes()) {
            if (g.tier().filter(tier::equals).isEmpty()) {
                continue;
            }
            for (Taint t : g.taints()) {
                Map<String, Object> tol = toleration(t);
                if (!out.contains(tol)) {
                    out.add(tol);
                }
            }
        }
        return out;
    }

    public static Map<String, Object> toleration(Taint t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", t.key());
        if (t.value().isEmpty()) {
            m.put("operator", "Exists");
        } else {
            m.put("operator", "Equal");
            m.put("value", t.value());
        }
        m.put("effect", t.effect());
        return m;
    }

    public Map<String, String> platformNodeSelector() {
        return nodeSelector(PodFactory.PLATFORM_TIER);
    }

    public List<Map<String, Object>> platformTolerations() {
        return tolerations(PodFactory.PLATFORM_TIER);
    }

    public Map<String, String> appsNodeSelector() {
        return nodeSelector(PodFactory.APPS_TIER);
    }

    public List<Map<String, Object>> appsTolerations() {
        return tolerations(PodFactory.APPS_TIER);
    }

    // --- well-known endpoints ------------------------------------------------------------------

    /** DNS domain the gateway serves: {@code <cluster>.localhost} resolves to the loopback address without any DNS setup. */
    public String domain() {
        return clusterName() + ".localhost";
    }

    public String appHost(String app, String env) {
        return app + "-" + env + "." + domain();
    }

    /** The gateway's service account (Istio's gateway chart: the release name). */
    public String gatewayServiceAccount() {
        return "istio-ingressgateway";
    }

    /** Prometheus' service account in kube-prometheus-stack (release kube-prometheus-stack). */
    public String prometheusServiceAccount() {
        return "kube-prometheus-stack-prometheus";
    }

    public String tempoOtlpGrpc() {
        return "tempo." + MONITORING_NAMESPACE + ".svc.cluster.local:4317";
    }

    public String lokiUrl() {
        return "http://loki." + MONITORING_NAMESPACE + ".svc.cluster.local:3100";
    }

    public String prometheusUrl() {
        return "http://kube-prometheus-stack-prometheus." + MONITORING_NAMESPACE + ".svc.cluster.local:9090";
    }

    public String tempoUrl() {
        return "http://tempo." + MONITORING_NAMESPACE + ".svc.cluster.local:3200";
    }
}
