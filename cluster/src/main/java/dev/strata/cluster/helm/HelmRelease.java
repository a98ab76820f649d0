package dev.strata.cluster.helm;

/**
 * A chart to install in-process: from a repository ({@code https://…}) or an OCI registry
 * ({@code oci://…}), at a pinned version, with the rendered values file's content.
 */
public record HelmRelease(String name, String namespace, String repository, String chart, String version, String values) {

    @Override
    public String toString() {
        return name + " (" + chart + " " + version + ") in namespace " + namespace;
    }
}
