package dev.strata.spec;

import dev.strata.catalog.Quantity;
import dev.strata.catalog.Resources;
import dev.strata.spec.yaml.Problems;
import dev.strata.spec.yaml.YamlMap;
import dev.strata.yaml.tree.YList;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Binds {@code spec.cluster}: provider, version, tiers, node groups, reserved resources. */
final class ClusterBinder extends SectionBinder {

    static final Pattern K8S_VERSION = Pattern.compile("^v1\\.[0-9]{1,2}\\.[0-9]{1,3}$");
    static final String DEFAULT_TIER_LABEL = "strata.dev/tier";
    static final List<String> DEFAULT_TIERS = List.of("platform", "apps");
    static final Resources DEFAULT_RESERVED = Resources.of("100m", "256Mi");

    ClusterBinder(Problems problems) {
        super(problems);
    }

    /** The cluster when {@code spec.cluster} is missing (reported): kind, no nodes, the defaults. */
    static ClusterSpec missing(String platformName) {
        return new ClusterSpec(Provider.KIND, platformName, "", DEFAULT_TIER_LABEL, DEFAULT_TIERS, List.of(), DEFAULT_RESERVED);
    }

    ClusterSpec bind(YamlMap c, String platformName) {
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
                    problems.add(((YList) n).items().get(i), c.pathOf("tiers") + "[" + i + "]", "\"" + t + "\" is not a valid tier name; use lowercase letters, digits and -");
                } else if (!seen.add(t)) {
                    problems.add(((YList) n).items().get(i), c.pathOf("tiers") + "[" + i + "]", "tier \"" + t + "\" is listed twice");
                }
            }
        });
        Resources reserved = c.map("reserved").map(r -> resources(r, DEFAULT_RESERVED)).orElse(DEFAULT_RESERVED);
        List<NodeGroup> groups = new ArrayList<>();
        Optional<List<YNode>> nodes = c.list("nodes");
        if (!c.has("nodes")) {
            c.missing("nodes", "list node groups, e.g. - {name: control-plane, role: control-plane, count: 1, capacity: {cpu: \"2\", memory: 4Gi}}");
        }
        Map<String, Integer> names = new LinkedHashMap<>();
        List<YNode> items = nodes.orElse(List.of());
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
    private static boolean rolesValid(List<YNode> items) {
        for (YNode n : items) {
            if (n instanceof YMap m && m.get("role").orElse(null) instanceof YScalar v && NodeRole.of(v.value()).isEmpty()) {
                return false;
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
        List<YNode> taintNodes = g.list("taints").orElse(List.of());
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
        YNode at = m.keyNode(k).orElse(m.node());
        if (!LABEL_KEY.matcher(k).matches()) {
            problems.add(at, m.pathOf(k), "\"" + k + "\" is not a valid label key");
        } else if (!LABEL_VALUE.matcher(v).matches() || v.length() > 63) {
            problems.add(at, m.pathOf(k), "\"" + v + "\" is not a valid label value (63 characters at most: letters, digits, -, _ and .)");
        }
    }
}
