package dev.strata.check.load.flux;

import dev.strata.check.Skipped;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.SourceTree;
import dev.strata.check.load.ChartRenderer;
import dev.strata.check.load.LoadProblem;
import dev.strata.check.load.Loading;
import dev.strata.yaml.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follows Flux objects the way its controllers apply them: each Kustomization is built
 * ({@link FluxBuild}) and replaces what the directory walk loaded from its path; each HelmRelease's
 * chart is rendered with its values ({@link FluxHelmRelease}). What it needs of the load is the
 * narrow {@link Loading}.
 */
public final class FluxFollower {

    private final Loading host;

    public FluxFollower(Loading host) {
        this.host = host;
    }

    /**
     * Follows every Flux Kustomization and HelmRelease not followed yet. A Kustomization whose
     * substituteFrom source is not loaded yet waits (another Kustomization may build it) until
     * nothing else moves ({@code force}).
     */
    public boolean follow(boolean force) {
        boolean changed = false;
        for (Resource r : List.copyOf(host.resources())) {
            if (FluxKustomization.is(r)) {
                changed |= followFluxKustomization(FluxKustomization.of(r), force);
            } else if (FluxHelmRelease.is(r)) {
                changed |= followHelmRelease(r);
            }
        }
        return changed;
    }

    boolean followFluxKustomization(FluxKustomization k, boolean force) {
        Resource self = k.object();
        String name = self.namespace() + "/" + self.name();
        if (host.followed("flux:" + name)) {
            return false;
        }
        DataSources data = new DataSources(host.resources());
        boolean waiting = k.substituteFrom().stream().anyMatch(ref -> !ref.optional()
                && data.find(ref.kind(), self.namespace(), ref.name()) instanceof DataSources.Unknown u && u.missing());
        if (waiting && !force) {
            return false;
        }
        host.follow("flux:" + name);
        String what = "Flux Kustomization " + name;
        String path = k.path().replaceFirst("^/+", "");
        Optional<Path> dir = host.tree().resolve(path).filter(Files::isDirectory);
        if (dir.isEmpty()) {
            if (thisRepository(k.source())) {
                host.problem(new LoadProblem("flux-build-failed", self.file(), k.line("path"), what
                        + " builds path " + k.path() + ", which is not a directory of its source " + k.source().display()
                        + " (this repository): kustomization path not found"));
            } else {
                host.skip(Skipped.unrenderedSource(what, "path " + k.path() + " of " + k.source().display() + " is not in the checked tree"));
            }
            return false;
        }
        FluxBuild.Outcome built = host.builder().build(k, dir.get(), data);
        built.problems().forEach(host::problem);
        built.skipped().forEach(host::skip);
        if (built.resources().isEmpty()) {
            return false; // nothing built (or the build fails): what the walk loaded there is still checked as it is
        }
        // what the directory walk loaded from this path is what Flux builds here: the build replaces it
        String under = host.show(dir.get());
        host.resources().removeIf(r -> (r.plain() && within(r.file(), under))
                || (r.origin().startsWith("kustomize:") && within(r.origin().substring("kustomize:".length()), under)));
        host.resources().addAll(built.resources());
        return true;
    }

    private boolean within(String shown, String dir) {
        return dir.isEmpty() || dir.equals(".") || shown.equals(dir) || shown.startsWith(dir.endsWith("/") ? dir : dir + "/");
    }

    /** A source that is the checked repository: its URL is one of the repository's remotes, or it is Flux's own (bootstrap names it flux-system). */
    boolean thisRepository(FluxKustomization.SourceRef ref) {
        if (ref.kind().equals("GitRepository") && ref.name().equals("flux-system")) {
            return true;
        }
        return host.resources().stream().filter(r -> r.is("source.toolkit.fluxcd.io", ref.kind())
                        && r.namespace().equals(ref.namespace()) && r.name().equals(ref.name()))
                .anyMatch(r -> host.tree().repoUrls().contains(SourceTree.normalizeUrl(r.spec().strOr("url", ""))));
    }

    /** A HelmRelease: its chart rendered with its values, from the tree or (deep) the chart cache; else said why not. */
    boolean followHelmRelease(Resource r) {
        String name = r.namespace() + "/" + r.name();
        if (!host.follow("helmrelease:" + name)) {
            return false;
        }
        String what = "Flux HelmRelease " + name;
        FluxHelmRelease hr = FluxHelmRelease.of(r, host.resources());
        FluxHelmRelease.Values values = hr.values(new DataSources(host.resources()));
        if (values.values().isEmpty()) {
            host.skip(Skipped.unrenderedSource(what, "chart not rendered: " + values.why()));
            return false;
        }
        String inline = Yaml.dump(values.values().get());
        ChartRenderer.Request request = new ChartRenderer.Request(hr.releaseName(), hr.namespace(), List.of(),
                values.values().get().isEmpty() ? Optional.empty() : Optional.of(inline), host.options().kubeVersion(), Set.of());
        switch (hr.chart()) {
            case FluxHelmRelease.Unknown u -> {
                host.skip(Skipped.unrenderedSource(what, "chart not rendered: " + u.why()));
                return false;
            }
            case FluxHelmRelease.InSource s -> {
                Optional<Path> chartDir = host.tree().resolve(s.path().replaceFirst("^/+", ""))
                        .filter(d -> Files.isRegularFile(d.resolve("Chart.yaml")));
                if (chartDir.isEmpty()) {
                    host.skip(Skipped.unrenderedSource(what, "chart " + s.path() + " of " + s.source().display() + " is not a chart in the checked tree"));
                    return false;
                }
                host.renderInTree(chartDir.get(), r.file(), "helm:" + host.show(chartDir.get()) + "@" + name, name, request);
                return true;
            }
            case FluxHelmRelease.FromRepository c -> {
                host.want(c.repository(), c.chart(), c.version());
                String chartName = "chart " + c.chart() + " " + c.version() + " (" + c.repository() + ")";
                if (!host.options().deep()) {
                    host.skip(Skipped.unrenderedSource(what, chartName + " not rendered: charts from a repository are rendered by strata check --deep"));
                    return false;
                }
                Optional<Path> archive = host.options().charts().chart(c.repository(), c.chart(), c.version());
                if (archive.isEmpty()) {
                    host.skip(Skipped.unrenderedSource(what, chartName + " not rendered: " + host.options().charts().missingReason()));
                    return false;
                }
                host.renderFromCache(archive.get(), r.file(), "chart:" + c.chart() + "-" + c.version() + "@" + name, name, request);
                return true;
            }
        }
    }
}
