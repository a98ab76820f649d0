package dev.strata.plan.report;

import dev.strata.catalog.Resources;
import dev.strata.plan.Plan;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.Wave;
import dev.strata.plan.WaveItem;
import dev.strata.plan.capacity.CapacityReport;
import dev.strata.plan.capacity.NodeUsage;
import dev.strata.plan.capacity.Scenario;
import dev.strata.plan.capacity.TierUsage;
import dev.strata.plan.capacity.Unschedulable;
import dev.strata.plan.measure.Measurement;
import dev.strata.plan.measure.ReleaseSizing;
import dev.strata.spec.PlatformSpec;

import java.util.Locale;

/** The plan for people: components, waves with reasons, and capacity per node and tier. */
public final class PlanText {

    private PlanText() {
    }

    public static String render(Plan plan) {
        StringBuilder b = new StringBuilder();
        PlatformSpec s = plan.spec();
        int envs = s.apps().stream().mapToInt(a -> a.environments().size()).sum();
        b.append("Platform ").append(s.name())
                .append(s.profile().isEmpty() ? "" : " (profile " + s.profile() + ")")
                .append(" on ").append(s.cluster().provider().id()).append(", Kubernetes ").append(s.cluster().kubernetesVersion())
                .append(": ").append(s.cluster().nodeCount()).append(s.cluster().nodeCount() == 1 ? " node, " : " nodes, ")
                .append(plan.components().size()).append(plan.components().size() == 1 ? " component, " : " components, ")
                .append(s.apps().size()).append(s.apps().size() == 1 ? " app" : " apps").append(" in ").append(envs)
                .append(envs == 1 ? " environment" : " environments").append("\n\n");

        b.append("Components, in dependency order\n");
        for (ResolvedComponent rc : plan.components()) {
            String versions = String.join(", ", rc.releases().stream().map(r -> r.source().version()).distinct().toList());
            b.append(String.format(Locale.ROOT, "  %-24s %-14s %-14s %s%s%n", rc.id(), versions.isEmpty() ? "-" : versions,
                    rc.entry().layer().id(), rc.entry().namespace(), rc.mode().map(m -> "  (mode " + m + ")").orElse("")));
        }
        sizes(b, plan.measurement());
        b.append("\nSync waves (each waits for the previous one to be Healthy)\n");
        for (Wave w : plan.waves()) {
            for (WaveItem i : w.items()) {
                b.append(String.format(Locale.ROOT, "  %3d  %-26s %s%n", w.number(), i.name(), i.reason()));
            }
        }
        capacity(b, plan.capacity());
        return b.toString();
    }

    /** Where the figures come from: each release's chart rendered with its planned values, or the catalog. */
    static void sizes(StringBuilder b, Measurement m) {
        if (!m.any()) {
            b.append("\nSizes: declared in the catalog (`strata charts pull` caches the charts; the plan then measures their pods)\n");
            return;
        }
        long measured = m.sizing().stream().filter(ReleaseSizing::isMeasured).count();
        b.append("\nSizes: ").append(measured).append(" of ").append(m.sizing().size())
                .append(" releases measured from their charts with the planned values (running pods; Jobs apart)\n");
        for (ReleaseSizing s : m.sizing()) {
            String verdict = !s.isMeasured() ? "declared" : s.agrees() ? "measured" : "MEASURED";
            b.append(String.format(Locale.ROOT, "  %-24s %-24s %-9s %s%n", s.component(), s.release(), verdict,
                    s.isMeasured() && s.agrees() ? "within " + (int) ReleaseSizing.TOLERANCE_PERCENT + "% of the catalog" : s.describe()));
        }
    }

    static void capacity(StringBuilder b, CapacityReport c) {
        b.append("\nCapacity (scenario: ").append(c.scenario() == Scenario.MAX ? "HPA maxima" : "replicas").append(")\n");
        b.append(String.format(Locale.ROOT, "  %-18s %-14s %-22s %-24s %-18s %s%n", "NODE", "TIER", "CPU REQ/ALLOC", "MEMORY REQ/ALLOC", "LIMITS CPU/MEM", "PODS"));
        for (NodeUsage n : c.nodes()) {
            b.append(String.format(Locale.ROOT, "  %-18s %-14s %-22s %-24s %-18s %d%n", n.node().name(), n.node().tierName(),
                    cpu(n.requested(), n.node().allocatable(), n.cpuPercent()),
                    mem(n.requested(), n.node().allocatable(), n.memoryPercent()),
                    String.format(Locale.ROOT, "%.0f%%/%.0f%%", n.cpuLimitPercent(), n.memoryLimitPercent()),
                    n.pods().size()));
        }
        b.append('\n');
        b.append(String.format(Locale.ROOT, "  %-18s %-6s %-22s %-24s %-22s %s%n", "TIER", "NODES", "CPU REQ/ALLOC", "MEMORY REQ/ALLOC", "HEADROOM", "LIMITS CPU/MEM"));
        for (TierUsage t : c.tiers()) {
            b.append(String.format(Locale.ROOT, "  %-18s %-6d %-22s %-24s %-22s %s%n", t.tier(), t.nodes(),
                    cpu(t.requested(), t.allocatable(), t.cpuPercent()), mem(t.requested(), t.allocatable(), t.memoryPercent()),
                    t.headroom().cpu().toCpuString() + " / " + t.headroom().memory().toMiB(),
                    String.format(Locale.ROOT, "%.0f%%/%.0f%%", t.cpuLimitPercent(), t.memoryLimitPercent())));
        }
        b.append('\n');
        b.append("  Kubernetes itself (control plane, CoreDNS, kube-proxy, default CNI): ").append(total(c.kubernetesRequests())).append('\n');
        b.append("  Strata components: ").append(total(c.componentRequests())).append("; apps: ").append(total(c.appRequests()))
                .append("; together: ").append(total(c.platformRequests())).append('\n');
        int jobs = c.jobsFitting();
        if (!c.jobRequests().equals(Resources.NONE)) {
            b.append("  Jobs (Helm hooks, scheduled runs; they complete, so they are not counted above): ")
                    .append(total(c.jobRequests())).append(", ").append(jobs).append(jobs == 1 ? " fits" : " fit").append(" while running\n");
        }
        if (c.fits()) {
            b.append("\nAll ").append(c.pods()).append(" pods fit.\n");
        } else {
            b.append('\n').append(c.unschedulable().size()).append(" of ").append(c.pods()).append(" pods do not fit:\n");
            for (Unschedulable u : c.unschedulable()) {
                b.append("  ").append(u).append('\n');
            }
        }
    }

    static String total(Resources r) {
        return r.cpu().toCpuString() + " CPU, " + r.memory().toMiB() + " memory requested";
    }

    private static String cpu(Resources req, Resources alloc, double pct) {
        return String.format(Locale.ROOT, "%s/%s (%.0f%%)", req.cpu().toCpuString(), alloc.cpu().toCpuString(), pct);
    }

    private static String mem(Resources req, Resources alloc, double pct) {
        return String.format(Locale.ROOT, "%s/%s (%.0f%%)", req.memory().toMiB(), alloc.memory().toMiB(), pct);
    }
}
