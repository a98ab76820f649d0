package dev.strata.plan.measure;

import dev.strata.charts.ChartCache;
import dev.strata.charts.ChartException;
import dev.strata.charts.render.HelmTemplate;
import dev.strata.charts.render.RenderCache;
import dev.strata.plan.PlannedRelease;
import dev.strata.yaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Renders releases from the chart cache ({@code strata charts pull}) with helm-java, in-process,
 * exactly as the deep check does: release name, destination namespace, the cluster's Kubernetes
 * version and the planned values. Renders are kept in the render cache beside the charts, so a
 * second plan of the same platform reads them back.
 */
public final class CachedReleaseRenderer implements ReleaseRenderer {

    private final ChartCache charts;
    private final HelmTemplate helm;

    public CachedReleaseRenderer(ChartCache charts) {
        this.charts = charts;
        this.helm = new HelmTemplate(Optional.of(new RenderCache(charts.root().resolveSibling("renders"))));
    }

    @Override
    public Outcome render(PlannedRelease release, String kubeVersion) {
        if (!release.source().helm()) {
            return new Unavailable("not a Helm chart");
        }
        Optional<Path> archive = charts.find(release.chart());
        if (archive.isEmpty()) {
            return new Unavailable("chart " + release.chart().fileName() + " not in the cache " + charts.root()
                    + " (strata charts pull)");
        }
        Path values = null;
        try {
            values = Files.createTempFile("strata-values-", ".yaml");
            Files.writeString(values, Yaml.dump(release.values()), StandardCharsets.UTF_8);
            HelmTemplate.Request request = new HelmTemplate.Request(release.name(), release.namespace(),
                    kubeVersion, Set.of(), List.of(values), Optional.empty());
            return new Rendered(helm.render(archive.get(), request).parts());
        } catch (ChartException e) {
            return new Unavailable(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (values != null) {
                try {
                    Files.deleteIfExists(values);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans it
                }
            }
        }
    }
}
