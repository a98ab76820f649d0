package dev.strata.check.load;

import java.nio.file.Path;
import java.util.Optional;
import dev.strata.charts.render.RenderCache;

/**
 * Where the deep check finds the charts a tree's Applications name but the tree does not hold: the
 * chart cache ({@code strata charts pull}). Empty means the chart is not there; the Application is
 * then reported as not rendered, with the reason.
 */
public interface ChartSource {

    /** The archive of a chart from a Helm repository (https or oci://) at an exact version. */
    Optional<Path> chart(String repository, String chart, String version);

    /** The archive of a directory of a git repository at a revision (Argo CD's plain directory source). */
    Optional<Path> directory(String repository, String path, String revision);

    /** Why a chart is not available, for the report (e.g. "not in the chart cache; run strata charts pull"). */
    default String missingReason() {
        return "not in the chart cache; run strata charts pull";
    }

    /** Where renders of the cached archives are kept, so that each chart is rendered once (empty: no cache). */
    default Optional<RenderCache> renderCache() {
        return Optional.empty();
    }

    static ChartSource none() {
        return new ChartSource() {
            @Override
            public Optional<Path> chart(String repository, String chart, String version) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> directory(String repository, String path, String revision) {
                return Optional.empty();
            }
        };
    }
}
