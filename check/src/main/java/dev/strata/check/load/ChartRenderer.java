package dev.strata.check.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Renders a Helm chart directory offline; behind an interface so tests can fake it. */
public interface ChartRenderer {

    Result render(Path chartDirectory, Request request);

    /**
     * What to render: release name, namespace, values files (in order) and inline values (YAML),
     * as an Argo CD Application would pass them.
     */
    record Request(String releaseName, String namespace, List<Path> valuesFiles, Optional<String> inlineValues) {
        public Request {
            valuesFiles = List.copyOf(valuesFiles);
        }

        public static Request defaults(Path chart) {
            return new Request(chart.getFileName().toString(), "default", List.of(), Optional.empty());
        }
    }

    sealed interface Result permits Rendered, Failed {
    }

    record Rendered(String yaml) implements Result {
    }

    record Failed(String message) implements Result {
    }
}
