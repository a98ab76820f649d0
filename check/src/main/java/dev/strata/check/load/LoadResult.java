package dev.strata.check.load;

import dev.strata.check.InputError;
import dev.strata.check.Skipped;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.SourceTree;
import java.nio.file.Path;
import java.util.List;
import dev.strata.charts.ChartRef;

/** Everything the loader produced from the input paths. */
public record LoadResult(List<Resource> resources, int files, List<LoadProblem> problems, List<Skipped> skipped,
                         List<InputError> inputErrors, List<Path> platformFiles, SourceTree tree,
                         List<ChartRef> charts) {

    public LoadResult(List<Resource> resources, int files, List<LoadProblem> problems, List<Skipped> skipped,
                      List<InputError> inputErrors, List<Path> platformFiles, SourceTree tree) {
        this(resources, files, problems, skipped, inputErrors, platformFiles, tree, List.of());
    }

    /**
     * {@code charts}: the charts from repositories the tree deploys (Argo CD chart sources, Flux
     * HelmReleases, chart dependencies not vendored) — what {@code strata charts pull --tree} fetches.
     */
    public LoadResult {
        charts = List.copyOf(charts);
        resources = List.copyOf(resources);
        problems = List.copyOf(problems);
        skipped = List.copyOf(skipped);
        inputErrors = List.copyOf(inputErrors);
        platformFiles = List.copyOf(platformFiles);
    }
}
