package dev.strata.check.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.strata.charts.render.TemplateRewrites;

/** Renders a Helm chart (a directory or an archive) offline; behind an interface so tests can fake it. */
public interface ChartRenderer {

    Result render(Path chart, Request request);

    /**
     * What the chart tells before it is rendered: whether it asks for API versions, and the API
     * versions of the CRDs its crds/ folders hold. By default: it may ask, and nothing is known.
     */
    default Scan scan(Path chart) {
        return new Scan(true, Set.of());
    }

    record Scan(boolean asksApiVersions, Set<String> crdApiVersions) {
    }

    /**
     * What to render, as an Argo CD Application passes it: release name, destination namespace,
     * values files in order, inline values (YAML, applied last), the cluster's Kubernetes version and
     * the API versions its CRDs serve.
     */
    record Request(String releaseName, String namespace, List<Path> valuesFiles, Optional<String> inlineValues,
                   String kubeVersion, Set<String> apiVersions) {
        public Request {
            valuesFiles = List.copyOf(valuesFiles);
            apiVersions = Set.copyOf(apiVersions);
        }

        public static Request defaults(Path chart, String kubeVersion) {
            return new Request(chart.getFileName().toString(), "default", List.of(), Optional.empty(), kubeVersion, Set.of());
        }

        public Request withApiVersions(Set<String> versions) {
            return new Request(releaseName, namespace, valuesFiles, inlineValues, kubeVersion, versions);
        }
    }

    sealed interface Result permits Rendered, Failed {
    }

    /** One rendered file: its source as Helm names it ({@code chart/templates/x.yaml}). */
    record Part(String source, String yaml) {
    }

    /**
     * @param defaultValues the chart's values.yaml (dependencies' under their keys), for typing checks
     * @param asks          what its templates ask of .Capabilities.APIVersions
     */
    record Rendered(List<Part> parts, Map<String, Object> defaultValues, TemplateRewrites.Asks asks) implements Result {
        public Rendered(List<Part> parts, Map<String, Object> defaultValues, boolean asksApiVersions) {
            this(parts, defaultValues, asksApiVersions ? new TemplateRewrites.Asks(Set.of(), true)
                    : TemplateRewrites.Asks.NONE);
        }
    }

    record Failed(String message) implements Result {
    }
}
