package dev.strata.spec;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Component;
import dev.strata.catalog.Quantity;
import dev.strata.catalog.Resources;
import dev.strata.spec.yaml.Problems;
import dev.strata.spec.yaml.YamlMap;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Binds a (merged) spec document to {@link PlatformSpec}, checking as it goes: types, unknown keys,
 * quantities, names, tiers, components and modes against the catalog. Every problem is collected;
 * the result is only used when there are none.
 */
final class SpecBinder {

    static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    static final Pattern K8S_VERSION = Pattern.compile("^v1\\.[0-9]{1,2}\\.[0-9]{1,3}$");
    static final Pattern LABEL_KEY = Pattern.compile("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$");
    static final Pattern LABEL_VALUE = Pattern.compile("^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$");
    static final String DEFAULT_TIER_LABEL = "strata.dev/tier";
    static final List<String> DEFAULT_TIERS = List.of("platform", "apps");
    static final Resources DEFAULT_RESERVED = Resources.of("100m", "256Mi");
    static final String DEFAULT_APP_IMAGE = "strata.local/sample-api:0.1.0";
    static final Resources DEFAULT_APP_REQUESTS = Resources.of("50m", "112Mi");
    static final Resources DEFAULT_APP_LIMITS = Resources.of("500m", "384Mi");

    private final Catalog catalog;
    private final Set<String> profiles;
    private final Problems problems;

    SpecBinder(Catalog catalog, Set<String> profiles, Problems problems) {
        this.catalog = catalog;
        this.profiles = profiles;
        this.problems = problems;
    }

    Optional<PlatformSpec> bind(Node root) {
        Optional<YamlMap> top = YamlMap.of(root, "", problems);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        YamlMap doc = top.get();
        doc.requiredString("apiVersion", "write apiVersion: " + PlatformSpec.API_VERSION).ifPresent(v -> {
            if (!PlatformSpec.API_VERSION.equals(v)) {
                problems.add(doc.node("apiVersion").orElse(root), "apiVersion", "\"" + v + "\" is not supported; use " + PlatformSpec.API_VERSION);
            }
        });
        doc.requiredString("kind", "write kind: " + PlatformSpec.KIND).ifPresent(v -> {
            if (!PlatformSpec.KIND.equals(v)) {
                problems.add(doc.node("kind").orElse(root), "kind", "\"" + v + "\" is not supported; use " + PlatformSpec.KIND);
            }
        });
        String name = doc.map("metadata").map(m -> {
            Optional<String> n = m.requiredString("name", "name the platform, e.g. name: lab");
            n.ifPresent(v -> dnsLabel(m.node("name").orElseThrow(), m.pathOf("name"), v));
            m.done();
            return n.orElse("");
        }).orElseGet(() -> {
            if (!doc.has("metadata")) {
                doc.missing("metadata", "add metadata: {name: lab}");
            }
            return "";
        });
        Optional<YamlMap> specMap = doc.map("spec");
        if (specMap.isEmpty() && !doc.has("spec")) {
            doc.missing("spec", "start from `strata init --profile kind-lab`");
        }
        doc.done();
        if (specMap.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(spec(specMap.get(), name));
    }

    private PlatformSpec spec(YamlMap s, String name) {
        String profile = s.string("profile").orElse("");
        if (!profile.isEmpty() && !profiles.contains(profile)) {
            problems.add(s.node("profile").orElseThrow(), s.pathOf("profile"), "\"" + profile + "\" is not a profile"
                    + YamlMap.suggestion(profile, profiles).replace("; known:", "; known profiles:"));
        }
        ClusterSpec cluster = s.map("cluster").map(c -> cluster(c, name)).orElseGet(() -> {
            if (!s.has("cluster")) {
                s.missing("cluster", "describe the nodes, or start from a profile");
            }
            return new ClusterSpec(Provider.KIND, name, "", DEFAULT_TIER_LABEL, DEFAULT_TIERS, List.of(), DEFAULT_RESERVED);
        });
        GitSpec git = s.map("git").map(this::git).orElse(new GitSpec("", "main", ""));
        Map<String, ComponentChoice> components = s.map("components").map(this::components).orElse(Map.of());
        List<String> environments = environments(s);
        List<AppSpec> apps = apps(s, environments);
        s.done();
        return new PlatformSpec(name, profile, cluster, git, components, environments, apps);
    }

    private ClusterSpec cluster(YamlMap c, String platformName) {
        Provider provider = c.requiredString("provider", "one of kind, talos, existing").flatMap(p -> {
            Optional<Provider> found = Provider.of(p);
            if (found.isEmpty()) {
                problems.add(c.node("provider").orElseThrow(), c.pathOf("provider"), "\"" + p + "\" is not a provider; known: kind, talos, existing");
            }
            return found;
        }).orElse(Provider.KIND);
        String clusterName = c.string("name").orElse(platformName);
        c.node("name").ifPresent(n -> dnsLabel(n, c.pathOf("name"), clusterName));
        String version = c.requiredString("kubernetesVersion", "e.g. kubernetesVersion: v1.34.0").orElse("");
        if (!version.isEmpty() && !K8S_VERSION.matcher(version).matches()) {
            problems.add(c.node("kubernetesVersion").orElseThrow(), c.pathOf("kubernetesVersion"),
                    "\"" + version + "\" is not a Kubernetes release; write it as v1.34.0");
        }
        String tierLabel = c.string("tierLabel").orElse(DEFAULT_TIER_LABEL);
        c.node("tierLabel").ifPresent(n -> {
            if (!LABEL_KEY.matcher(tierLabel).matches()) {
                problems.add(n, c.pathOf("tierLabel"), "\"" + tierLabel + "\" is not a label key");
            } else if (tierLabel.startsWith("node-role.kubernetes.io/") || tierLabel.startsWith("kubernetes.io/") || tierLabel.startsWith("k8s.io/")) {
                problems.add(n, c.pathOf("tierLabel"), "\"" + tierLabel + "\" cannot be set by kubelets (the NodeRestriction admission plugin refuses kubernetes.io and k8s.io keys); use e.g. strata.dev/tier");
            }
        });
        List<String> tiers = c.has("tiers") ? c.strings("tiers") : DEFAULT_TIERS;
        c.node("tiers").ifPresent(n -> {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < tiers.size(); i++) {
                String t = tiers.get(i);
                if (!DNS_LABEL.matcher(t).matches()) {
                    problems.add(((SequenceNode) n).getValue().get(i), c.pathOf("tiers") + "[" + i + "]", "\"" + t + "\" is not a valid tier name; use lowercase letters, digits and -");
                } else if (!seen.add(t)) {
                    problems.add(((SequenceNode) n).getValue().get(i), c.pathOf("tiers") + "[" + i + "]", "tier \"" + t + "\" is listed twice");
                }
            }
        });
        Resources reserved = c.map("reserved").map(r -> resources(r, DEFAULT_RESERVED)).orElse(DEFAULT_RESERVED);
        List<NodeGroup> groups = new ArrayList<>();
        Optional<List<Node>> nodes = c.list("nodes");
        if (!c.has("nodes")) {
            c.missing("nodes", "list node groups, e.g. - {name: control-plane, role: control-plane, count: 1, capacity: {cpu: \"2\", memory: 4Gi}}");
        }
        Map<String, Integer> names = new LinkedHashMap<>();
        List<Node> items = nodes.orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            String path = c.pathOf("nodes") + "[" + i + "]";
            int index = i;
            YamlMap.of(items.get(i), path, problems).map(g -> nodeGroup(g, tiers, reserved)).ifPresent(g -> {
                Integer first = names.putIfAbsent(g.name(), index);
                if (first != null && !g.name().isEmpty()) {
                    problems.add(items.get(index), path + ".name", "\"" + g.name() + "\" is already the name of nodes[" + first + "]; node group names must be unique");
                }
                groups.add(g);
            });
        }
        if (nodes.isPresent() && items.isEmpty()) {
            problems.add(c.node("nodes").orElseThrow(), c.pathOf("nodes"), "lists no node group; a cluster needs at least one control-plane group");
        } else if (!groups.isEmpty() && groups.stream().noneMatch(g -> g.role() == NodeRole.CONTROL_PLANE) && rolesValid(items)) {
            problems.add(c.node("nodes").orElseThrow(), c.pathOf("nodes"), "has no control-plane group; add one with role: control-plane");
        }
        c.done();
        return new ClusterSpec(provider, clusterName, version, tierLabel, tiers, groups, reserved);
    }

    /** Whether every group's role is a known one (else "no control plane" would only repeat that mistake). */
    private static boolean rolesValid(List<Node> items) {
        for (Node n : items) {
            if (n instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("role")
                            && t.getValueNode() instanceof ScalarNode v && NodeRole.of(v.getValue()).isEmpty()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private NodeGroup nodeGroup(YamlMap g, List<String> tiers, Resources reserved) {
        String name = g.requiredString("name", "e.g. name: platform").orElse("");
        g.node("name").ifPresent(n -> dnsLabel(n, g.pathOf("name"), name));
        NodeRole role = g.requiredString("role", "control-plane or worker").flatMap(r -> {
            Optional<NodeRole> found = NodeRole.of(r);
            if (found.isEmpty()) {
                problems.add(g.node("role").orElseThrow(), g.pathOf("role"), "\"" + r + "\" is not a role; known: control-plane, worker");
            }
            return found;
        }).orElse(NodeRole.WORKER);
        Optional<String> tier = g.string("tier");
        tier.ifPresent(t -> {
            if (!tiers.contains(t)) {
                problems.add(g.node("tier").orElseThrow(), g.pathOf("tier"), "\"" + t + "\" is not a tier; known: " + String.join(", ", tiers));
            }
        });
        int count = g.integer("count").orElse(1);
        g.node("count").ifPresent(n -> {
            if (count < 1 || count > 5000) {
                problems.add(n, g.pathOf("count"), count + " is out of range; a node group has 1 to 5000 nodes (remove the group to have none)");
            }
        });
        Resources capacity = Resources.NONE;
        Optional<YamlMap> cap = g.map("capacity");
        if (!g.has("capacity")) {
            g.missing("capacity", "e.g. capacity: {cpu: \"2\", memory: 4Gi}");
        } else if (cap.isPresent()) {
            YamlMap c = cap.get();
            Optional<Quantity> cpu = c.quantity("cpu", "cpu");
            Optional<Quantity> memory = c.quantity("memory", "memory");
            if (!c.has("cpu")) {
                c.missing("cpu", "e.g. cpu: \"2\"");
            }
            if (!c.has("memory")) {
                c.missing("memory", "e.g. memory: 4Gi");
            }
            c.done();
            capacity = new Resources(cpu.orElse(Quantity.ZERO), memory.orElse(Quantity.ZERO));
            if (cpu.isPresent() && memory.isPresent() && !reserved.fitsIn(capacity)) {
                problems.add(c.node(), g.pathOf("capacity"), capacity.toCpuMem() + " is not more than the per-node reserve "
                        + reserved.toCpuMem() + "; nothing would be left to schedule on");
            }
        }
        Map<String, String> labels = g.stringMap("labels");
        g.map("labels").ifPresent(m -> labels.forEach((k, v) -> labelPair(m, k, v)));
        List<Taint> taints = new ArrayList<>();
        List<Node> taintNodes = g.list("taints").orElse(List.of());
        for (int i = 0; i < taintNodes.size(); i++) {
            String path = g.pathOf("taints") + "[" + i + "]";
            YamlMap.of(taintNodes.get(i), path, problems).ifPresent(t -> {
                String key = t.requiredString("key", "e.g. key: " + DEFAULT_TIER_LABEL).orElse("");
                String value = t.string("value").orElse("");
                String effect = t.requiredString("effect", "one of " + String.join(", ", Taint.EFFECTS)).orElse("NoSchedule");
                t.node("key").ifPresent(n -> {
                    if (!LABEL_KEY.matcher(key).matches()) {
                        problems.add(n, t.pathOf("key"), "\"" + key + "\" is not a valid taint key");
                    }
                });
                t.node("effect").ifPresent(n -> {
                    if (!Taint.EFFECTS.contains(effect)) {
                        problems.add(n, t.pathOf("effect"), "\"" + effect + "\" is not a taint effect; known: " + String.join(", ", Taint.EFFECTS));
                    }
                });
                t.done();
                taints.add(new Taint(key, value, effect));
            });
        }
        boolean schedulable = g.bool("schedulable").orElse(false);
        g.done();
        return new NodeGroup(name, role, tier, count, capacity, labels, taints, schedulable);
    }

    private void labelPair(YamlMap m, String k, String v) {
        Node at = m.keyNode(k).orElse(m.node());
        if (!LABEL_KEY.matcher(k).matches()) {
            problems.add(at, m.pathOf(k), "\"" + k + "\" is not a valid label key");
        } else if (!LABEL_VALUE.matcher(v).matches() || v.length() > 63) {
            problems.add(at, m.pathOf(k), "\"" + v + "\" is not a valid label value (63 characters at most: letters, digits, -, _ and .)");
        }
    }

    private Resources resources(YamlMap r, Resources defaults) {
        Quantity cpu = r.quantity("cpu", "cpu").orElse(defaults.cpu());
        Quantity memory = r.quantity("memory", "memory").orElse(defaults.memory());
        r.done();
        return new Resources(cpu, memory);
    }

    private GitSpec git(YamlMap g) {
        String url = g.string("url").orElse("");
        if (!url.isEmpty() && !(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("ssh://") || url.startsWith("git@") || url.startsWith("file://"))) {
            problems.add(g.node("url").orElseThrow(), g.pathOf("url"), "\"" + url + "\" is not a git URL; use https://..., ssh://... or git@host:org/repo.git, or leave it empty for the in-cluster git server");
        }
        String branch = g.string("branch").orElse("main");
        if (branch.isBlank() || branch.contains(" ") || branch.contains("..")) {
            problems.add(g.node("branch").orElse(g.node()), g.pathOf("branch"), "\"" + branch + "\" is not a branch name");
        }
        String path = g.string("path").orElse("");
        if (path.startsWith("/") || path.contains("..")) {
            problems.add(g.node("path").orElseThrow(), g.pathOf("path"), "\"" + path + "\" must be a relative path inside the repository");
        }
        g.done();
        return new GitSpec(url, branch, path);
    }

    private Map<String, ComponentChoice> components(YamlMap m) {
        Map<String, ComponentChoice> out = new TreeMap<>();
        for (String id : m.keys()) {
            Node key = m.keyNode(id).orElse(m.node());
            Optional<Component> entry = catalog.find(id);
            if (entry.isEmpty()) {
                m.node(id);
                String hint = YamlMap.suggestion(id, catalog.ids());
                problems.add(key, m.pathOf(id), "\"" + id + "\" is not a component"
                        + (hint.contains("did you mean") ? hint : "; `strata components` lists them"));
                continue;
            }
            Optional<Node> value = m.node(id);
            if (value.isEmpty()) {
                out.put(id, new ComponentChoice(id, true, Optional.empty(), Map.of()));
                continue;
            }
            YamlMap.of(value.get(), m.pathOf(id), problems).ifPresent(c -> {
                boolean enabled = c.bool("enabled").orElse(true);
                Optional<String> mode = c.string("mode");
                mode.ifPresent(md -> {
                    Component comp = entry.get();
                    if (comp.modes().isEmpty()) {
                        problems.add(c.node("mode").orElseThrow(), c.pathOf("mode"), id + " has no modes; remove mode");
                    } else if (!comp.modes().contains(md)) {
                        problems.add(c.node("mode").orElseThrow(), c.pathOf("mode"), "\"" + md + "\" is not a mode of " + id + "; known: " + String.join(", ", comp.modes()));
                    }
                });
                Map<String, Object> values = c.node("values").map(v -> {
                    if (!(v instanceof MappingNode)) {
                        problems.add(v, c.pathOf("values"), "must be a mapping of chart values, found " + YamlMap.describe(v));
                        return Map.<String, Object>of();
                    }
                    return toMap((MappingNode) v);
                }).orElse(Map.of());
                Optional<String> inert = c.string("inert");
                inert.filter(String::isBlank).ifPresent(x -> problems.add(c.node("inert").orElseThrow(), c.pathOf("inert"),
                        "must say why the component does nothing (a sentence), or be left out"));
                c.done();
                out.put(id, new ComponentChoice(id, enabled, mode, values, inert));
            });
        }
        return out;
    }

    private List<String> environments(YamlMap s) {
        if (!s.has("environments")) {
            s.node("environments");
            return List.of("dev");
        }
        List<String> envs = s.strings("environments");
        List<Node> nodes = s.list("environments").orElse(List.of());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < envs.size() && i < nodes.size(); i++) {
            String e = envs.get(i);
            if (!DNS_LABEL.matcher(e).matches() || e.length() > 20) {
                problems.add(nodes.get(i), s.pathOf("environments") + "[" + i + "]", "\"" + e + "\" is not a valid environment name; use up to 20 lowercase letters, digits and -");
            } else if (!seen.add(e)) {
                problems.add(nodes.get(i), s.pathOf("environments") + "[" + i + "]", "environment \"" + e + "\" is listed twice");
            }
        }
        if (envs.isEmpty() && s.has("environments")) {
            problems.add(s.node("environments").orElseThrow(), s.pathOf("environments"), "lists no environment; name at least one, e.g. [dev]");
        }
        return envs;
    }

    private List<AppSpec> apps(YamlMap s, List<String> environments) {
        List<AppSpec> apps = new ArrayList<>();
        List<Node> items = s.list("apps").orElse(List.of());
        Map<String, Integer> names = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = s.pathOf("apps") + "[" + i + "]";
            int index = i;
            YamlMap.of(items.get(i), path, problems).map(a -> app(a, environments)).ifPresent(a -> {
                Integer first = names.putIfAbsent(a.name(), index);
                if (first != null && !a.name().isEmpty()) {
                    problems.add(items.get(index), path + ".name", "\"" + a.name() + "\" is already the name of apps[" + first + "]; app names must be unique");
                }
                apps.add(a);
            });
        }
        return apps;
    }

    private AppSpec app(YamlMap a, List<String> environments) {
        String name = a.requiredString("name", "e.g. name: sample-api").orElse("");
        a.node("name").ifPresent(n -> dnsLabel(n, a.pathOf("name"), name));
        String image = a.string("image").orElse(DEFAULT_APP_IMAGE);
        a.node("image").ifPresent(n -> {
            String tag = image.contains("@") ? "digest" : image.lastIndexOf(':') > image.lastIndexOf('/') ? image.substring(image.lastIndexOf(':') + 1) : "";
            if (tag.isEmpty()) {
                problems.add(n, a.pathOf("image"), "\"" + image + "\" has no tag; pin a version (image:1.2.3) or a digest (image@sha256:...)");
            } else if ("latest".equals(tag)) {
                problems.add(n, a.pathOf("image"), "\"" + image + "\" uses the latest tag; pin a version or a digest so that every sync runs the same code");
            }
        });
        int port = a.integer("port").orElse(8080);
        a.node("port").ifPresent(n -> {
            if (port < 1 || port > 65535) {
                problems.add(n, a.pathOf("port"), port + " is not a port; use 1-65535");
            }
        });
        Resources requests = DEFAULT_APP_REQUESTS;
        Resources limits = DEFAULT_APP_LIMITS;
        Optional<YamlMap> res = a.map("resources");
        if (res.isPresent()) {
            YamlMap r = res.get();
            requests = r.map("requests").map(q -> resources(q, DEFAULT_APP_REQUESTS)).orElse(DEFAULT_APP_REQUESTS);
            limits = r.map("limits").map(q -> resources(q, DEFAULT_APP_LIMITS)).orElse(DEFAULT_APP_LIMITS);
            r.done();
            if (requests.cpu().compareTo(limits.cpu()) > 0 || requests.memory().compareTo(limits.memory()) > 0) {
                problems.add(r.node(), r.path(), "requests " + requests.toCpuMem() + " exceed limits " + limits.toCpuMem() + "; requests must not be above limits");
            }
        }
        String antiAffinity = a.string("antiAffinity").orElse("preferred");
        if (!List.of("required", "preferred", "none").contains(antiAffinity)) {
            problems.add(a.node("antiAffinity").orElseThrow(), a.pathOf("antiAffinity"), "\"" + antiAffinity + "\" is not an anti-affinity; known: required, preferred, none");
        }
        String rollout = a.string("rollout").orElse("deployment");
        if (!List.of("deployment", "canary").contains(rollout)) {
            problems.add(a.node("rollout").orElseThrow(), a.pathOf("rollout"), "\"" + rollout + "\" is not a rollout strategy; known: deployment, canary");
        }
        List<AppEnvironment> envs = new ArrayList<>();
        Optional<YamlMap> envMap = a.map("environments");
        if (envMap.isPresent()) {
            YamlMap m = envMap.get();
            for (String env : m.keys()) {
                Node key = m.keyNode(env).orElse(m.node());
                if (!environments.contains(env)) {
                    m.node(env);
                    problems.add(key, m.pathOf(env), "\"" + env + "\" is not an environment; known: " + String.join(", ", environments));
                    continue;
                }
                Optional<YamlMap> e = m.node(env).flatMap(n -> YamlMap.of(n, m.pathOf(env), problems));
                int replicas = e.flatMap(x -> x.integer("replicas")).orElse(1);
                int max = e.flatMap(x -> x.integer("maxReplicas")).orElse(Math.max(replicas, 3));
                e.ifPresent(x -> {
                    if (replicas < 0 || replicas > 1000) {
                        problems.add(x.node("replicas").orElseThrow(), x.pathOf("replicas"), replicas + " is out of range; use 0 to 1000");
                    }
                    if (max < replicas) {
                        problems.add(x.node("maxReplicas").orElseThrow(), x.pathOf("maxReplicas"), max + " is below replicas " + replicas + "; the HPA maximum must be at least the replicas");
                    }
                    x.done();
                });
                if (env.length() + 1 + name.length() > 63) {
                    problems.add(key, m.pathOf(env), "namespace \"" + env + "-" + name + "\" would be longer than 63 characters; shorten the app or environment name");
                }
                envs.add(new AppEnvironment(env, replicas, max));
            }
            m.done();
        } else {
            for (String env : environments) {
                envs.add(new AppEnvironment(env, 1, 3));
            }
        }
        List<ExternalService> external = new ArrayList<>();
        List<Node> ext = a.list("external").orElse(List.of());
        for (int i = 0; i < ext.size(); i++) {
            String path = a.pathOf("external") + "[" + i + "]";
            YamlMap.of(ext.get(i), path, problems).ifPresent(x -> {
                String n = x.requiredString("name", "e.g. name: postgres").orElse("");
                x.node("name").ifPresent(node -> dnsLabel(node, x.pathOf("name"), n));
                String address = x.requiredString("address", "an IP address, e.g. 172.19.0.56").orElse("");
                if (!address.isEmpty() && !address.matches("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$")) {
                    problems.add(x.node("address").orElseThrow(), x.pathOf("address"), "\"" + address + "\" is not an IPv4 address; EndpointSlices need addresses, not names");
                }
                int p = x.integer("port").orElse(0);
                if (!x.has("port")) {
                    x.missing("port", "e.g. port: 5432");
                } else if (p < 1 || p > 65535) {
                    problems.add(x.node("port").orElseThrow(), x.pathOf("port"), p + " is not a port; use 1-65535");
                }
                x.done();
                external.add(new ExternalService(n, address, p));
            });
        }
        a.done();
        return new AppSpec(name, image, port, requests, limits, antiAffinity, envs, external, rollout);
    }

    private void dnsLabel(Node at, String path, String value) {
        if (value.length() > 63 || !DNS_LABEL.matcher(value).matches()) {
            problems.add(at, path, "\"" + value + "\" is not a valid name; use up to 63 lowercase letters, digits and -, starting and ending with a letter or digit");
        }
    }

    /** Plain Java values of a mapping node (chart values overrides). */
    static Map<String, Object> toMap(MappingNode m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                out.put(k.getValue(), toValue(t.getValueNode()));
            }
        }
        return out;
    }

    static Object toValue(Node n) {
        if (n instanceof MappingNode m) {
            return toMap(m);
        }
        if (n instanceof SequenceNode s) {
            return s.getValue().stream().map(SpecBinder::toValue).toList();
        }
        ScalarNode s = (ScalarNode) n;
        Tag t = s.getTag();
        if (t.equals(Tag.NULL)) {
            return null; // Helm reads a null value as "remove this default"; keep it
        }
        if (t.equals(Tag.BOOL)) {
            return Boolean.parseBoolean(s.getValue());
        }
        if (t.equals(Tag.INT)) {
            try {
                return Long.parseLong(s.getValue());
            } catch (NumberFormatException e) {
                return s.getValue();
            }
        }
        if (t.equals(Tag.FLOAT)) {
            try {
                return Double.parseDouble(s.getValue());
            } catch (NumberFormatException e) {
                return s.getValue();
            }
        }
        return s.getValue();
    }
}
