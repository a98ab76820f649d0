package dev.strata.check.load;

import dev.strata.check.Skipped;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.SourceTree;
import dev.strata.check.load.flux.FluxBuild;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The load in progress, as the engine followers ({@code ArgoFollower}, {@code FluxFollower}) read and
 * extend it: the objects so far, findings and what was not checked, the tree, and the few ways to
 * load more (build a kustomization, load files, render a chart).
 */
public interface Loading {
    /** The objects loaded so far (mutable: a build replaces what the walk loaded from its path). */
    List<Resource> resources();

    void problem(LoadProblem p);

    void skip(Skipped s);

    /** True the first time this key is followed. */
    boolean follow(String key);

    boolean followed(String key);

    SourceTree tree();

    String show(Path path);

    FluxBuild builder();

    InputLoader.Options options();

    void want(String repository, String chart, String version);

    void renderInTree(Path chartDir, String shownFile, String origin, String application, ChartRenderer.Request request);

    void renderFromCache(Path archive, String shownFile, String origin, String application, ChartRenderer.Request request);

    Set<Path> walkedRoots();

    ManifestParser parser();

    /** Builds a kustomization directory for an Application; true when it built. */
    boolean buildKustomization(Path dir, String application);

    /** Loads these files as plain manifests for an Application. */
    void load(List<Path> files, String defaultNamespace, String application);
}
