package dev.strata.check.load;

import dev.strata.charts.ChartException;
import dev.strata.charts.render.HelmTemplate;
import java.nio.file.Path;
import dev.strata.charts.ChartArchive;
import dev.strata.charts.render.RenderCache;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Renders charts in-process with helm-java the way Argo CD's {@code helm template} does (see
 * {@link HelmTemplate}): lookup answers nothing, hooks and {@code crds/} are kept, the cluster's
 * API versions are known. Never contacts a cluster or the network.
 */
public final class HelmJavaChartRenderer implements ChartRenderer {

    private final HelmTemplate helm;

    public HelmJavaChartRenderer() {
        this(Optional.empty());
    }

    /** With a cache of renders of chart archives (the deep check's). */
    public HelmJavaChartRenderer(Optional<RenderCache> cache) {
        this.helm = new HelmTemplate(cache);
    }

    @Override
    public Scan scan(Path chart) {
        if (!Files.isRegularFile(chart)) {
            return ChartRenderer.super.scan(chart);
        }
        ChartArchive.Scan s = ChartArchive.scan(chart);
        return new Scan(s.asksApiVersions(), s.crdApiVersions());
    }

    @Override
    public Result render(Path chart, Request request) {
        try {
            HelmTemplate.Rendered r = helm.render(chart, new HelmTemplate.Request(request.releaseName(), request.namespace(),
                    request.kubeVersion(), request.apiVersions(), request.valuesFiles(), request.inlineValues()));
            return new Rendered(r.parts().stream().map(p -> new Part(p.source(), p.yaml())).toList(), r.defaultValues(), r.asks());
        } catch (ChartException e) {
            return new Failed(e.getMessage());
        }
    }
}
