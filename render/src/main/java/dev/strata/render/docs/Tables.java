package dev.strata.render.docs;

import dev.strata.plan.facts.PlatformFacts;
import dev.strata.catalog.Release;
import dev.strata.catalog.Resources;
import dev.strata.catalog.Source;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.Wave;
import dev.strata.plan.WaveItem;
import dev.strata.plan.capacity.CapacityReport;
import dev.strata.plan.capacity.NodeUsage;
import dev.strata.plan.capacity.TierUsage;
import dev.strata.render.RenderContext;
import dev.strata.render.cluster.NodeLabels;
import dev.strata.spec.AppEnvironment;
import dev.strata.spec.AppSpec;
import dev.strata.spec.ClusterSpec;
import dev.strata.spec.NodeGroup;
import dev.strata.spec.Provider;
import dev.strata.spec.Taint;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The tables of docs/ARCHITECTURE.md. */
final class Tables {

    static final String POD_SECURITY_APPS = "restricted";

    private Tables() {
    }

    static String waves(RenderContext ctx) {
        Markdown t = Markdown.table("Wave", "Item", "Kind", "Why there");
        for (Wave w : ctx.plan().waves()) {
            for (WaveItem i : w.items()) {
                t.row(Integer.toString(w.number()), Diagrams.itemLabel(ctx, i), i.kind().name().toLowerCase(Locale.ROOT), i.reason());
            }
        }
        return t.render();
    }

    static String components(RenderContext ctx) {
        Markdown t = Markdown.table("Component", "Release", "Layer", "Namespace", "Chart", "Version", "App version", "Mode");
        for (ResolvedComponent rc : ctx.components()) {
            if (rc.releases().isEmpty()) {
                t.row(rc.id(), "", rc.entry().layer().id(), rc.entry().namespace(), "no chart: command-line tools", Diagrams.versions(rc), "",
                        rc.mode().orElse(""));
            }
            for (Release r : rc.releases()) {
                Source s = r.source();
                String chart = s.helm() ? s.chart().map(c -> Markdown.code(c) + " from " + s.repository()).orElse(s.repository())
                        : s.repository() + s.path().map(p -> " " + Markdown.code(p)).orElse("");
                t.row(rc.id(), r.name(), rc.entry().layer().id(), rc.entry().namespaceOf(r), chart, s.version(),
                        s.appVersion().orElse(""), rc.mode().orElse(""));
            }
        }
        return t.render();
    }

    /** Components the spec installs without the configuration they need to do anything, and why (empty when none). */
    static String inert(RenderContext ctx) {
        StringBuilder b = new StringBuilder();
        for (ResolvedComponent rc : ctx.components()) {
            Optional.ofNullable(ctx.spec().components().get(rc.id())).flatMap(c -> c.inert())
                    .ifPresent(why -> b.append("- **").append(rc.id()).append("** is installed but does nothing: ").append(why).append('\n'));
        }
        return b.isEmpty() ? "" : "Inert by choice (the spec says why; `strata check` holds every other component to its needs):\n\n" + b;
    }

    static String platformNamespaces(RenderContext ctx) {
        Markdown t = Markdown.table("Namespace", "Components");
        ctx.facts().platformNamespaces().forEach((ns, ids) -> t.row(Markdown.code(ns), String.join(", ", ids)));
        return t.render();
    }

    static String appNamespaces(RenderContext ctx) {
        Markdown t = Markdown.table("Namespace", "App", "Environment", "Replicas (HPA max)", "Host", "Mesh enrolment", "Pod Security");
        String mesh = switch (ctx.facts().meshMode()) {
            case ISTIO_AMBIENT -> "label " + Markdown.code("istio.io/dataplane-mode=ambient");
            case ISTIO_SIDECAR -> "label " + Markdown.code("istio-injection=enabled");
            case LINKERD -> "annotation " + Markdown.code("linkerd.io/inject=enabled");
            case NONE -> "none (no mesh)";
        };
        boolean gateway = !Diagrams.gateways(ctx).isEmpty();
        for (AppSpec a : ctx.spec().apps()) {
            for (AppEnvironment e : a.environments()) {
                t.row(Markdown.code(a.namespace(e.name())), a.name(), e.name(), e.replicas() + " (" + e.maxReplicas() + ")",
                        gateway ? ctx.facts().gateway().appHost(a.name(), e.name()) : "", mesh, POD_SECURITY_APPS);
            }
        }
        return t.render();
    }

    static String nodeGroups(RenderContext ctx) {
        ClusterSpec c = ctx.spec().cluster();
        Optional<NodeGroup> ingress = c.provider() == Provider.KIND && !ctx.facts().ingressHostPorts().isEmpty() ? PlatformFacts.ingressGroup(c) : Optional.empty();
        Markdown t = Markdown.table("Group", "Role", "Tier", "Nodes", "Capacity per node", "Allocatable per node", "Taints", "Labels");
        for (NodeGroup g : c.nodes()) {
            Map<String, String> labels = new TreeMap<>(NodeLabels.of(c, g));
            String extra = ingress.filter(i -> i == g).map(i -> " (first node also " + PlatformFacts.INGRESS_LABEL + "=" + PlatformFacts.INGRESS_VALUE + ")").orElse("");
            t.row(g.name(), g.role().id(), g.tier().orElse(""), Integer.toString(g.count()), g.capacity().toCpuMem(),
                    g.capacity().minus(c.reserved()).toCpuMem(),
                    String.join(", ", g.effectiveTaints().stream().map(Taint::toString).toList()),
                    String.join(", ", labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()) + extra);
        }
        return t.render();
    }

    static String nodeBudget(CapacityReport r) {
        Markdown t = Markdown.table("Node", "Tier", "CPU requested / allocatable", "Memory requested / allocatable", "Limits CPU / memory", "Pods");
        for (NodeUsage n : r.nodes()) {
            t.row(n.node().name(), n.node().tierName(), cpu(n.requested(), n.node().allocatable(), n.cpuPercent()),
                    mem(n.requested(), n.node().allocatable(), n.memoryPercent()),
                    String.format(Locale.ROOT, "%.0f%% / %.0f%%", n.cpuLimitPercent(), n.memoryLimitPercent()), Integer.toString(n.pods().size()));
        }
        return t.render();
    }

    static String tierBudget(CapacityReport r) {
        Markdown t = Markdown.table("Tier", "Nodes", "CPU requested / allocatable", "Memory requested / allocatable", "Headroom CPU / memory");
        for (TierUsage u : r.tiers()) {
            t.row(u.tier(), Integer.toString(u.nodes()), cpu(u.requested(), u.allocatable(), u.cpuPercent()),
                    mem(u.requested(), u.allocatable(), u.memoryPercent()),
                    u.headroom().cpu().toCpuString() + " / " + u.headroom().memory().toMiB());
        }
        return t.render();
    }

    static String totals(CapacityReport r) {
        Markdown t = Markdown.table("Requested by", "CPU", "Memory");
        t.row("Kubernetes itself (control plane, CoreDNS, default CNI and kube-proxy where kept)", r.kubernetesRequests().cpu().toCpuString(),
                r.kubernetesRequests().memory().toMiB());
        t.row("Strata components", r.componentRequests().cpu().toCpuString(), r.componentRequests().memory().toMiB());
        t.row("Apps", r.appRequests().cpu().toCpuString(), r.appRequests().memory().toMiB());
        Resources all = r.kubernetesRequests().plus(r.platformRequests());
        t.row("Total", all.cpu().toCpuString(), all.memory().toMiB());
        return t.render();
    }

    private static String cpu(Resources req, Resources alloc, double pct) {
        return String.format(Locale.ROOT, "%s / %s (%.0f%%)", req.cpu().toCpuString(), alloc.cpu().toCpuString(), pct);
    }

    private static String mem(Resources req, Resources alloc, double pct) {
        return String.format(Locale.ROOT, "%s / %s (%.0f%%)", req.memory().toMiB(), alloc.memory().toMiB(), pct);
    }
}
