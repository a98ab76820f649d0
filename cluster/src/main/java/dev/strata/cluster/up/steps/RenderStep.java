package dev.strata.cluster.up.steps;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.up.Fingerprint;
import dev.strata.cluster.up.Step;
import dev.strata.cluster.up.UpContext;
import dev.strata.render.RenderException;
import dev.strata.render.TreeWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the rendered tree next to the spec and commits it (JGit; the directory becomes a
 * repository if it is not one). Only generated files and the spec are staged — never anything
 * else in the directory — and nothing is committed when nothing changed.
 */
public final class RenderStep implements Step {

    @Override
    public String id() {
        return "render";
    }

    @Override
    public String title(UpContext ctx) {
        return "Rendering and committing the GitOps tree";
    }

    @Override
    public String fingerprint(UpContext ctx) {
        List<String> parts = Fingerprint.treeParts(ctx.tree().files());
        return Fingerprint.of(parts.toArray(String[]::new));
    }

    @Override
    public String execute(UpContext ctx) {
        List<String> removed;
        try {
            removed = TreeWriter.write(ctx.tree(), ctx.specDir(), false);
        } catch (RenderException e) {
            throw new ClusterException("writing the tree into " + ctx.specDir(), e.problems());
        }
        Path root = repositoryRoot(ctx);
        String prefix = root.relativize(ctx.specDir()).toString().replace('\\', '/');
        List<String> paths = new ArrayList<>();
        for (String p : ctx.tree().files().keySet()) {
            paths.add(prefix.isEmpty() ? p : prefix + "/" + p);
        }
        for (String p : removed) {
            paths.add(prefix.isEmpty() ? p : prefix + "/" + p);
        }
        for (String own : List.of("platform.yaml", TreeWriter.MANIFEST, TreeWriter.IGNORE)) {
            paths.add(prefix.isEmpty() ? own : prefix + "/" + own);
        }
        String commit = ctx.seams().git().commit(root, paths, ctx.spec().git().branch(), "strata up: render " + ctx.spec().name());
        return ctx.tree().size() + " files, commit " + commit.substring(0, 8);
    }

    /**
     * The repository holds the tree at spec.git.path; the spec's directory is that path inside it.
     * A spec inside some other repository must say where (or Argo CD would look in the wrong place).
     */
    public static Path repositoryRoot(UpContext ctx) {
        Path root = expectedRoot(ctx);
        Optional<Path> enclosing = ctx.seams().git().enclosingWorkTree(ctx.specDir());
        if (enclosing.isPresent() && !same(enclosing.get(), root)) {
            String rel = enclosing.get().toAbsolutePath().relativize(ctx.specDir().toAbsolutePath()).toString().replace('\\', '/');
            throw new ClusterException("platform.yaml is in " + ctx.specDir() + ", inside the git repository " + enclosing.get()
                    + "; set spec.git.path to \"" + rel + "\" so that Argo CD finds the tree there");
        }
        return root;
    }

    private static boolean same(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static Path expectedRoot(UpContext ctx) {
        String sub = ctx.spec().git().path().replaceAll("^/+|/+$", "");
        if (sub.isEmpty()) {
            return ctx.specDir();
        }
        Path dir = ctx.specDir();
        Path want = Path.of(sub);
        if (!dir.endsWith(want)) {
            throw new ClusterException("spec.git.path is " + sub + " but the spec lives in " + dir
                    + "; put platform.yaml in that directory of the repository, or change spec.git.path");
        }
        for (int i = 0; i < want.getNameCount(); i++) {
            dir = dir.getParent();
        }
        return dir;
    }
}
