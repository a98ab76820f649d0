package dev.strata.cli;

import dev.strata.render.RenderException;
import dev.strata.render.RenderedTree;
import dev.strata.render.Renderer;
import dev.strata.render.TreeWriter;
import dev.strata.spec.PlatformSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "render",
        header = "Write the platform as a plain, deterministic GitOps tree that Argo CD syncs as it is.", mixinStandardHelpOptions = true,
        description = {"Write the platform as a plain, deterministic GitOps tree that Argo CD syncs as-is:",
            "cluster config, Argo CD bootstrap and Applications with sync waves, chart values, namespaces,",
            "security baseline, gateway, observability wiring, apps (Kustomize) and docs/ARCHITECTURE.md.",
            "Nothing is written when the spec does not plan. --check compares instead of writing."},
        footer = {"", "Examples:", "  strata render                          # next to ./platform.yaml",
            "  strata render -f lab/platform.yaml --out /tmp/tree", "  strata render --check                  # CI: exit 1 when the tree on disk differs"})
final class RenderCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    SpecFile file;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory to write (default: the spec's directory).")
    Path out;

    @Option(names = "--check", description = "Write nothing; list files that differ from the tree on disk and exit 1 if any do.")
    boolean check;

    @Option(names = "--force", description = "Write into a non-empty directory that holds no previous render.")
    boolean force;

    @Override
    public Integer call() {
        PlatformSpec platform = file.load();
        Path dir = out != null ? out : file.path().toAbsolutePath().getParent();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserException("--out " + dir + " is a file; give the directory the tree goes into");
        }
        RenderedTree tree;
        try {
            tree = Renderer.bundled().render(platform);
        } catch (RenderException e) {
            e.problems().forEach(spec.commandLine().getErr()::println);
            spec.commandLine().getErr().println("nothing was written: the platform does not fit its nodes (see strata plan)");
            return Strata.WRONG;
        }
        var stdout = spec.commandLine().getOut();
        if (check) {
            List<String> diff = TreeWriter.diff(tree, dir);
            if (diff.isEmpty()) {
                stdout.println("The tree in " + dir + " matches the spec (" + tree.size() + " files).");
                return Strata.OK;
            }
            diff.forEach(stdout::println);
            stdout.println(diff.size() + " of " + tree.size() + " files differ from the spec; run `strata render` to update them.");
            return Strata.WRONG;
        }
        try {
            List<String> removed = TreeWriter.write(tree, dir, force);
            stdout.println("Rendered " + tree.size() + " files into " + dir + (removed.isEmpty() ? "" : " (removed " + removed.size() + " no longer generated)") + ".");
            stdout.println("Next: strata check " + dir);
        } catch (RenderException e) {
            throw new UserException(String.join("; ", e.problems()));
        } catch (UncheckedIOException e) {
            throw new UserException("cannot write the tree into " + dir + ": " + e.getCause().getMessage()
                    + "; files written before the failure are complete, none is half-written");
        }
        return Strata.OK;
    }
}
