package dev.strata.cluster.kube;

/** What a probe pod printed, and how it ended ({@code completed} false: it never finished in time). */
public record ProbeResult(boolean completed, String log) {
}
