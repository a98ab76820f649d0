package dev.strata.plan;

import dev.strata.catalog.Release;
import dev.strata.catalog.Source;
import dev.strata.charts.ChartRef;

import java.util.Map;

/**
 * A release as the platform installs it, computed once by the plan and read by render (its
 * values.yaml and Application), the deep check (the chart rendered with exactly these values) and
 * {@code up} (the releases it installs before Argo CD adopts them).
 *
 * @param component  the resolved component it belongs to
 * @param release    the catalog's release: name, chart source, CRDs, workloads
 * @param namespace  where it installs
 * @param values     the values as installed: the catalog's tuned values (mode, provider, other
 *                   components), every container's requests and limits, replicas and tier placement,
 *                   then the spec's overrides, which win
 * @param bootstrap  installed by {@code up} with Helm before Argo CD runs (the CNI, Argo CD itself,
 *                   the in-cluster git server), then adopted by its Application with the same values
 */
public record PlannedRelease(ResolvedComponent component, Release release, String namespace, Map<String, Object> values,
                             boolean bootstrap) {

    public String name() {
        return release.name();
    }

    public Source source() {
        return release.source();
    }

    public String componentId() {
        return component.id();
    }

    /** The chart (or git directory) it installs, as the chart cache and lock name it. */
    public ChartRef chart() {
        Source s = release.source();
        return s.helm() ? ChartRef.helm(s.repository(), s.chart().orElseThrow(), s.version())
                : ChartRef.git(s.repository(), release.name(), s.version(), s.path().orElseThrow());
    }
}
