package dev.strata.charts;

import java.util.Objects;
import java.util.Optional;

/**
 * A pinned chart: where it comes from, its name and exact version. Three kinds of source, as Argo CD
 * reads them: an HTTP chart repository ({@code https://charts.jetstack.io}), an OCI registry
 * ({@code oci://ghcr.io/tektoncd/operator/charts}), or a directory of a git repository at a tag
 * (plain manifests, such as the Gateway API CRDs; {@code path} is that directory).
 *
 * @param repository repository URL (https, http, oci:// or a git URL)
 * @param name       chart name; for a git directory, the name the archive is known by
 * @param version    exact chart version, or the git tag
 * @param path       for a git directory: the directory inside the repository
 */
public record ChartRef(String repository, String name, String version, Optional<String> path) {

    public enum Kind { HTTP_REPOSITORY, OCI, GIT }

    public ChartRef {
        Objects.requireNonNull(repository);
        Objects.requireNonNull(name);
        Objects.requireNonNull(version);
        Objects.requireNonNull(path);
        if (name.isBlank() || version.isBlank() || repository.isBlank()) {
            throw new IllegalArgumentException("a chart needs a repository, a name and a version");
        }
    }

    public static ChartRef helm(String repository, String name, String version) {
        return new ChartRef(repository, name, version, Optional.empty());
    }

    public static ChartRef git(String repository, String name, String tag, String path) {
        return new ChartRef(repository, name, tag, Optional.of(path));
    }

    public Kind kind() {
        if (path.isPresent()) {
            return Kind.GIT;
        }
        return repository.startsWith("oci://") ? Kind.OCI : Kind.HTTP_REPOSITORY;
    }

    /** The archive's file name, as {@code helm pull} and {@code helm package} write it. */
    public String fileName() {
        return name + "-" + version + ".tgz";
    }

    /** {@code cert-manager v1.21.1 (https://charts.jetstack.io)}. */
    public String display() {
        return name + " " + version + " (" + repository + path.map(p -> " " + p).orElse("") + ")";
    }
}
