package dev.strata.cluster.helm;

import dev.strata.plan.PlannedRelease;
import dev.strata.yaml.Yaml;

/**
 * A chart to install in-process: from a repository ({@code https://…}) or an OCI registry
 * ({@code oci://…}), at a pinned version, with the rendered values file's content.
 */
public record HelmRelease(String name, String namespace, String repository, String chart, String version, String values) {

    /** A planned release, with the values the plan computed (those its values.yaml holds). */
    public static HelmRelease of(PlannedRelease pr) {
        return new HelmRelease(pr.name(), pr.namespace(), pr.source().repository(), pr.source().chart().orElseThrow(),
                pr.source().version(), Yaml.dump(pr.values()));
    }

    @Override
    public String toString() {
        return name + " (" + chart + " " + version + ") in namespace " + namespace;
    }
}
