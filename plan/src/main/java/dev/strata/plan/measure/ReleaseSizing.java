package dev.strata.plan.measure;

import dev.strata.catalog.Resources;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a release's pods came from, and how far the catalog's declaration is from its chart.
 * Requests are steady-state (Jobs and hooks left out), one pod per replica, a DaemonSet's pod once.
 *
 * @param declared     the catalog's workloads sized with the planned values
 * @param measured     the chart rendered with the planned values; empty when it could not be
 * @param why          why there is no measurement
 * @param onlyRendered workloads the chart renders that the catalog does not declare
 * @param onlyDeclared workloads the catalog declares that the chart does not render
 */
public record ReleaseSizing(String component, String release, Resources declared, Optional<Resources> measured,
                            Optional<String> why, List<String> onlyRendered, List<String> onlyDeclared) {

    /** Within this of each other, declared and measured figures agree. */
    public static final double TOLERANCE_PERCENT = 5.0;

    public boolean isMeasured() {
        return measured.isPresent();
    }

    /** Measured minus declared, in percent of declared (100 when nothing was declared but something renders). */
    public double cpuDeltaPercent() {
        return measured.map(m -> percent(declared.cpu().millicores(), m.cpu().millicores())).orElse(0.0);
    }

    public double memoryDeltaPercent() {
        return measured.map(m -> percent(declared.memory().bytes(), m.memory().bytes())).orElse(0.0);
    }

    /** Measured, and within {@link #TOLERANCE_PERCENT} of the declaration with the same workloads. */
    public boolean agrees() {
        return isMeasured() && Math.abs(cpuDeltaPercent()) <= TOLERANCE_PERCENT && Math.abs(memoryDeltaPercent()) <= TOLERANCE_PERCENT
                && onlyRendered.isEmpty() && onlyDeclared.isEmpty();
    }

    /** One line for people: "cpu +27% (55m declared, 70m rendered), memory 0%". */
    public String describe() {
        if (measured.isEmpty()) {
            return "declared in the catalog: " + why.orElse("");
        }
        Resources m = measured.get();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "cpu %s (%s declared, %s rendered), memory %s (%s declared, %s rendered)",
                signed(cpuDeltaPercent()), declared.cpu().toCpuString(), m.cpu().toCpuString(),
                signed(memoryDeltaPercent()), declared.memory().toMiB(), m.memory().toMiB()));
        if (!onlyRendered.isEmpty()) {
            b.append("; rendered, not declared: ").append(String.join(", ", onlyRendered));
        }
        if (!onlyDeclared.isEmpty()) {
            b.append("; declared, not rendered: ").append(String.join(", ", onlyDeclared));
        }
        return b.toString();
    }

    private static double percent(long declared, long measured) {
        if (declared == 0) {
            return measured == 0 ? 0 : 100;
        }
        return (measured - declared) * 100.0 / declared;
    }

    private static String signed(double d) {
        long r = Math.round(d);
        return r == 0 ? "0%" : (r > 0 ? "+" : "") + r + "%";
    }
}
