package dev.strata.plan.facts;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.ClusterDefaults;
import dev.strata.catalog.Component;
import dev.strata.catalog.Need;
import dev.strata.catalog.Release;
import dev.strata.catalog.RuntimeObject;
import dev.strata.catalog.UpSecret;
import dev.strata.catalog.Workload;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.Resolver;
import dev.strata.plan.Values;
import dev.strata.plan.capacity.NodeInfo;
import dev.strata.spec.ClusterSpec;
import dev.strata.spec.NodeGroup;
import dev.strata.spec.NodeRole;
import dev.strata.spec.PlatformSpec;
import dev.strata.spec.Provider;
import dev.strata.spec.Taint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the plan knows about the platform, published once for everyone who needs it — render,
 * check's cluster model, {@code up}, {@code verify} and the docs: where the tree lives in git, the
 * tiers and how a workload is pinned to one, the nodes, the one ingress node on kind, what the
 * cluster must be created without (CNI, kube-proxy), the mesh mode, the namespaces of the
 * components, and the well-known names and endpoints (gateway, Loki, Prometheus, Tempo).
 */
public final class PlatformFacts {

    public static final String PLATFORM_TIER = "platform";
    public static final String APPS_TIER = "apps";

    /** Where Strata's in-cluster git server serves the tree when the spec names no remote. */
    public static final String IN_CLUSTER_GIT = "http://gitea-http.gitea.svc.cluster.local:3000/strata/%s.git";
    public static final String ARGOCD_NAMESPACE = "argocd";
    public static final String GATEWAY_NAME = "platform";
    public static final String GATEWAY_NAMESPACE = "istio-ingress";
    public static final String MONITORING_NAMESPACE = "monitoring";

    /** kind's convention for the node whose host ports are published; the gateways are pinned to it. */
    public static final String INGRESS_LABEL = "ingress-ready";
    public static final String INGRESS_VALUE = "true";
    public static final String INGRESS_CAPABILITY = "ingress-gateway";
    public static final String CNI = "cni";
    public static final String KUBE_PROXY_REPLACEMENT = "kube-proxy-replacement";

    private final PlatformSpec spec;
    private final List<ResolvedComponent> components;

    public PlatformFacts(PlatformSpec spec, List<ResolvedComponent> components) {
        this.spec = spec;
        this.components = List.copyOf(components);
    }

    public PlatformSpec spec() {
        return spec;
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

    // --- components --------------------------------------------------------------------------

    public List<ResolvedComponent> components() {
        return components;
    }

    public boolean enabled(String id) {
        return components.stream().anyMatch(c -> c.id().equals(id));
    }

    public Optional<ResolvedComponent> component(String id) {
        return components.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The enabled component with a capability (cni, git-server, ...), if any. */
    public Optional<ResolvedComponent> withCapability(String capability) {
        return components.stream().filter(rc -> Resolver.capabilities(rc).contains(capability)).findFirst();
    }

    public boolean has(String capability) {
        return withCapability(capability).isPresent();
    }

    /**
     * Namespaces the platform's pods run in, each with the components in it (sorted): where releases
     * install, and where operators create their workloads (Tekton's pipelines in tekton-pipelines).
     */
    public Map<String, List<String>> platformNamespaces() {
        Map<String, List<String>> out = new TreeMap<>();
        for (ResolvedComponent rc : components) {
            for (Release r : rc.releases()) {
                add(out, rc.entry().namespaceOf(r), rc.id());
                for (Workload w : r.workloads()) {
                    w.namespace().ifPresent(ns -> add(out, ns, rc.id()));
                }
            }
        }
        return out;
    }

    private static void add(Map<String, List<String>> out, String namespace, String id) {
        List<String> ids = out.computeIfAbsent(namespace, k -> new ArrayList<>());
        if (!ids.contains(id)) {
            ids.add(id);
        }
    }

    public MeshMode meshMode() {
        Optional<ResolvedComponent> istio = component("istio");
        if (istio.isPresent()) {
            return istio.get().mode().orElse("sidecar").equals("ambient") ? MeshMode.ISTIO_AMBIENT : MeshMode.ISTIO_SIDECAR;
        }
        return enabled("linkerd") ? MeshMode.LINKERD : MeshMode.NONE;
    }

    // --- what exists besides the tree -------------------------------------------------------

    /** An object created outside the tree, and who creates it. */
    public record Outside(String kind, String namespace, String name, String by) {
    }

    /** Objects {@code strata up} creates before Argo CD syncs, and those the components' controllers create at run time. */
    public List<Outside> createdOutside() {
        List<Outside> out = new ArrayList<>();
        for (ResolvedComponent rc : components) {
            for (UpSecret s : rc.entry().upSecrets()) {
                out.add(new Outside("Secret", s.namespace().orElse(rc.entry().namespace()), s.name(), "strata up (" + s.why() + ")"));
            }
            for (RuntimeObject o : rc.entry().runtimeObjects()) {
                out.add(new Outside(o.kind(), o.namespace().orElse(rc.entry().namespace()), o.name(), o.by()));
            }
        }
        return out;
    }

    /** The Secrets {@code strata up} creates, with the namespace each goes to. */
    public List<Map.Entry<String, UpSecret>> upSecrets() {
        List<Map.Entry<String, UpSecret>> out = new ArrayList<>();
        for (ResolvedComponent rc : components) {
            for (UpSecret s : rc.entry().upSecrets()) {
                out.add(Map.entry(s.namespace().orElse(rc.entry().namespace()), s));
            }
        }
        return out;
    }

    /**
     * A component with the objects it needs to do anything, the needs its values leave unmet (a value
     * that does nothing), and the spec's reason when it is left without on purpose.
     */
    public record ComponentNeeds(String id, List<Need> objects, List<String> unmet, Optional<String> inert) {
    }

    public List<ComponentNeeds> componentNeeds() {
        List<ComponentNeeds> out = new ArrayList<>();
        for (ResolvedComponent rc : components) {
            if (rc.entry().needs().isEmpty()) {
                continue;
            }
            List<Need> objects = new ArrayList<>();
            List<String> unmet = new ArrayList<>();
            for (Need n : rc.entry().needs()) {
                if (n.object()) {
                    objects.add(n);
                    continue;
                }
                for (Release r : rc.releases()) {
                    Optional<Object> v = Values.get(rc.valuesOf(r), n.valuesKey().orElseThrow());
                    if (v.isEmpty() || n.inertValues().contains(String.valueOf(v.get()))) {
                        unmet.add(n.valuesKey().get() + " is " + v.map(String::valueOf).orElse("unset") + ": " + n.purpose());
                    }
                }
            }
            Optional<String> inert = Optional.ofNullable(spec.components().get(rc.id())).flatMap(c -> c.inert());
            out.add(new ComponentNeeds(rc.id(), objects, unmet, inert));
        }
        return out;
    }

    /**
     * The release whose chart installs each API group's CRDs, by {@code group}; by {@code group/plural}
     * where releases share a group (Argo CD's and Argo Rollouts' argoproj.io).
     */
    public Map<String, String> crdProviders() {
        Map<String, List<String>> byGroup = new TreeMap<>();
        Map<String, String> byPlural = new TreeMap<>();
        for (ResolvedComponent rc : components) {
            for (Release r : rc.releases()) {
                for (String crd : r.crds()) {
                    int dot = crd.indexOf('.');
                    if (dot < 0) {
                        continue;
                    }
                    String group = crd.substring(dot + 1);
                    List<String> releases = byGroup.computeIfAbsent(group, k -> new ArrayList<>());
                    if (!releases.contains(r.name())) {
                        releases.add(r.name());
                    }
                    byPlural.put(group + "/" + crd.substring(0, dot), r.name());
                }
            }
        }
        Map<String, String> out = new TreeMap<>();
        byGroup.forEach((group, releases) -> {
            if (releases.size() == 1) {
                out.put(group, releases.getFirst());
            }
        });
        byPlural.forEach((key, release) -> {
            String group = key.substring(0, key.indexOf('/'));
            if (byGroup.get(group).size() > 1) {
                out.put(key, release);
            }
        });
        return out;
    }

    /** What the cluster provider sets up by itself (Pod Security defaults, its own namespaces), from its catalog entry. */
    public Optional<ClusterDefaults> clusterDefaults(Catalog catalog) {
        String provider = spec.cluster().provider().id();
        return catalog.find(provider).flatMap(Component::clusterDefaults);
    }

    // --- cluster -----------------------------------------------------------------------------

    /** Every node (groups expanded) with its labels, taints and allocatable resources. */
    public List<NodeInfo> nodes() {
        List<NodeInfo> nodes = nodes(spec.cluster());
        // kind labels the first node of the ingress group ingress-ready=true (KindConfig) when a gateway binds host ports
        Optional<NodeGroup> ingress = spec.cluster().provider() == Provider.KIND && !ingressHostPorts().isEmpty()
                ? ingressGroup() : Optional.empty();
        if (ingress.isEmpty()) {
            return nodes;
        }
        List<NodeInfo> out = new ArrayList<>();
        boolean labelled = false;
        for (NodeInfo n : nodes) {
            if (!labelled && n.group().equals(ingress.get().name())) {
                Map<String, String> labels = new LinkedHashMap<>(n.labels());
                labels.put(INGRESS_LABEL, INGRESS_VALUE);
                n = new NodeInfo(n.name(), n.group(), n.controlPlane(), n.tier(), Map.copyOf(labels), n.taints(), n.capacity(), n.allocatable());
                labelled = true;
            }
            out.add(n);
        }
        return out;
    }

    /** The nodes of a cluster spec: each group's nodes named {@code <group>} or {@code <group>-<i>}, labelled with role and tier. */
    public static List<NodeInfo> nodes(ClusterSpec cluster) {
        List<NodeInfo> out = new ArrayList<>();
        for (NodeGroup g : cluster.nodes()) {
            for (int i = 1; i <= g.count(); i++) {
                String name = g.count() == 1 ? g.name() : g.name() + "-" + i;
                Map<String, String> labels = new LinkedHashMap<>(g.labels());
                labels.put("kubernetes.io/hostname", name);
                labels.put("kubernetes.io/os", "linux"); // every kubelet sets it; charts select on it
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

    /** A component brings its own CNI, so the provider's default one (kindnet, Flannel) must not be installed. */
    public boolean replacesCni() {
        return components.stream().anyMatch(rc -> Resolver.capabilities(rc).contains(CNI));
    }

    /**
     * A component replaces kube-proxy, so the provider must not install it. A component that could
     * replace it but is told not to ({@code kubeProxyReplacement: false}) does not count.
     */
    public boolean replacesKubeProxy() {
        return components.stream().anyMatch(rc -> Resolver.capabilities(rc).contains(KUBE_PROXY_REPLACEMENT) && rc.releases().stream()
                .noneMatch(r -> Values.get(rc.valuesOf(r), "kubeProxyReplacement").map(v -> !Values.truthy(v)).orElse(false)));
    }

    // --- tiers -------------------------------------------------------------------------------

    public Tier tier(String name) {
        ClusterSpec cluster = spec.cluster();
        boolean served = cluster.hasTier(name);
        return new Tier(name, cluster.tierLabel(), served, served ? Map.of(cluster.tierLabel(), name) : Map.of(), tolerations(name));
    }

    public Tier platformTier() {
        return tier(PLATFORM_TIER);
    }

    public Tier appsTier() {
        return tier(APPS_TIER);
    }

    /** The labels a node group's nodes set on themselves at registration: the group's labels and the tier label. */
    public static Map<String, String> groupLabels(ClusterSpec cluster, NodeGroup group) {
        Map<String, String> labels = new LinkedHashMap<>(group.labels());
        group.tier().ifPresent(t -> labels.put(cluster.tierLabel(), t));
        return labels;
    }

    /** Kubernetes tolerations for the taints of a tier's node groups. */
    private List<Map<String, Object>> tolerations(String tier) {
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

    // --- the ingress node ----------------------------------------------------------------------

    /**
     * The group whose first node publishes the ingress gateways' host ports. kind's
     * {@code extraPortMappings} forward a host port to the node container's own port, so the
     * gateway pod must run on that node and bind the port there with a {@code hostPort}. Gateways
     * are platform workloads, so the node is the first node of the platform tier; without a platform
     * tier, the first worker whose group has no taints (else the first worker, else the first node).
     */
    public Optional<NodeGroup> ingressGroup() {
        return ingressGroup(spec.cluster());
    }

    public static Optional<NodeGroup> ingressGroup(ClusterSpec cluster) {
        List<NodeGroup> groups = cluster.nodes();
        return groups.stream().filter(g -> g.tier().filter(PLATFORM_TIER::equals).isPresent()).findFirst()
                .or(() -> groups.stream().filter(g -> g.role() == NodeRole.WORKER && g.taints().isEmpty()).findFirst())
                .or(() -> groups.stream().filter(g -> g.role() == NodeRole.WORKER).findFirst())
                .or(() -> groups.stream().findFirst());
    }

    /** nodeSelector for an ingress gateway's pod: the platform tier's, plus {@value #INGRESS_LABEL} on kind. */
    public Map<String, String> ingressNodeSelector() {
        Map<String, String> sel = new TreeMap<>(platformTier().nodeSelector());
        if (spec.cluster().provider() == Provider.KIND) {
            sel.put(INGRESS_LABEL, INGRESS_VALUE);
        }
        return sel;
    }

    /** The host ports each enabled ingress gateway binds (every integer {@code hostPort} in its values), by component id. */
    public Map<String, List<Integer>> ingressHostPorts() {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (ResolvedComponent rc : components) {
            if (!Resolver.capabilities(rc).contains(INGRESS_CAPABILITY)) {
                continue;
            }
            TreeSet<Integer> ports = new TreeSet<>();
            for (Release r : rc.releases()) {
                collectHostPorts(rc.valuesOf(r), ports);
            }
            if (!ports.isEmpty()) {
                out.put(rc.id(), List.copyOf(ports));
            }
        }
        return out;
    }

    private static void collectHostPorts(Object node, TreeSet<Integer> ports) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("hostPort".equals(k) && v instanceof Number n) {
                    ports.add(n.intValue());
                } else {
                    collectHostPorts(v, ports);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(i -> collectHostPorts(i, ports));
        }
    }

    // --- well-known names and endpoints ------------------------------------------------------

    /** The Gateway every app's route attaches to, and the domain it serves. */
    public Gateway gateway() {
        return new Gateway(GATEWAY_NAMESPACE, GATEWAY_NAME, "istio-ingressgateway", clusterName() + ".localhost");
    }

    /** The observability stack's endpoints (kube-prometheus-stack, Loki and Tempo in {@value #MONITORING_NAMESPACE}). */
    public Observability observability() {
        String ns = MONITORING_NAMESPACE;
        return new Observability(ns, "http://loki." + ns + ".svc.cluster.local:3100",
                "http://kube-prometheus-stack-prometheus." + ns + ".svc.cluster.local:9090",
                "http://tempo." + ns + ".svc.cluster.local:3200", "tempo." + ns + ".svc.cluster.local:4317",
                "kube-prometheus-stack-prometheus");
    }
}
