package dev.strata.check.load;

import dev.strata.check.InputError;
import dev.strata.check.Skipped;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.SourceTree;
import java.nio.file.Path;
import java.util.List;

/** Everything the loader produced from the input paths. */
public record LoadResult(List<Resource> resources, int files, List<LoadProblem> problems, List<Skipped> skipped,
                         List<InputError> inputErrors, List<Path> platformFiles, SourceTree tree) {

    public LoadResult {
        resources = List.copyOf(resources);
        problems = List.copyOf(problems);
        skipped = List.copyOf(skipped);
        inputErrors = List.copyOf(inputErrors);
        platformFiles = List.copyOf(platformFiles);
    }
}
