package dev.strata.cluster.verify.checks;

import dev.strata.catalog.Placement;
import dev.strata.cluster.kube.NodeStatus;
import dev.strata.cluster.kube.PodStatus;
import dev.strata.cluster.verify.Check;
import dev.strata.cluster.verify.CheckResult;
import dev.strata.cluster.verify.VerifyContext;
import dev.strata.spec.NodeRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.strata.plan.facts.PlatformFacts.PLATFORM_TIER;

/**
 * Every pod of a workload the catalog places on the platform tier runs on a node of that tier.
 * DaemonSet and static pods run on every node by design and are not counted; pods not scheduled
 * yet are not placed anywhere.
 */
public final class PlatformPodsOnPlatformNodes implements Check {

    @Override
    public String id() {
        return "platform-pods-on-platform-nodes";
    }

    @Override
    public String title() {
        return "platform pods run only on platform-tier nodes";
    }

    @Override
    public Optional<String> notApplicable(VerifyContext ctx) {
        if (!ctx.facts().platformTier().served()) {
            return Optional.of("the spec has no platform-tier node group");
        }
        // Only a node that takes ordinary pods and is not of the platform tier can show a misplaced one:
        // without such a node (kind-lab: one platform worker and a tainted control plane) the check could not fail.
        boolean elsewhere = ctx.spec().cluster().nodes().stream().anyMatch(g -> g.tier().filter(PLATFORM_TIER::equals).isEmpty()
                && (g.role() == NodeRole.WORKER || g.schedulable()));
        return elsewhere ? Optional.empty()
                : Optional.of("every node that takes pods is in the platform tier, so no platform pod could run anywhere else");
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        // The workloads the catalog places on the platform tier, by namespace: only their pods are
        // checked (kube-system also holds Kubernetes' own pods, which are not Strata's to place).
        Map<String, List<String>> workloads = new TreeMap<>();
        for (var rc : ctx.facts().components()) {
            for (var r : rc.releases()) {
                for (var w : r.workloads()) {
                    if (w.placement() == Placement.PLATFORM && !w.perNode()) {
                        workloads.computeIfAbsent(rc.entry().namespaceOf(r), k -> new ArrayList<>()).add(w.name());
                    }
                }
            }
        }
        List<PodStatus> pods = new ArrayList<>();
        workloads.forEach((ns, names) -> ctx.kube().pods(ns).stream()
                .filter(p -> names.stream().anyMatch(n -> p.name().startsWith(n + "-")))
                .forEach(pods::add));
        return interpret(pods, ctx.kube().nodes(), ctx.facts().platformTier().label());
    }

    CheckResult interpret(List<PodStatus> pods, List<NodeStatus> nodes, String tierLabel) {
        Map<String, String> tierOf = nodes.stream().collect(Collectors.toMap(NodeStatus::name, n -> n.labels().getOrDefault(tierLabel, "")));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (PodStatus p : pods) {
            if (p.ownerKind().equals("DaemonSet") || p.ownerKind().equals("Node") || p.node().isEmpty() || p.phase().equals("Succeeded")) {
                continue;
            }
            checked++;
            String tier = tierOf.getOrDefault(p.node(), "");
            if (!tier.equals(PLATFORM_TIER)) {
                wrong.add(p.namespace() + "/" + p.name() + " on " + p.node() + " (" + (tier.isEmpty() ? "no tier" : "tier " + tier) + ")");
            }
        }
        if (checked == 0) {
            return CheckResult.fail(this, "no scheduled pods in the platform namespaces to check");
        }
        return wrong.isEmpty() ? CheckResult.pass(this, checked + " platform pods, all on nodes labelled " + tierLabel + "=" + PLATFORM_TIER)
                : CheckResult.fail(this, wrong.size() + " of " + checked + " platform pods are elsewhere: " + String.join("; ", wrong));
    }
}
