package dev.strata.cli;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.ops.Differ;
import dev.strata.render.RenderException;
import dev.strata.render.Renderer;
import dev.strata.spec.PlatformSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "diff",
        header = "Show what applying the rendered tree would change in the live cluster.", mixinStandardHelpOptions = true,
        description = {"What the rendered tree would change in the live cluster, per object: each object is applied with",
            "a server-side dry run and compared with the live one. Nothing is changed. Exit 1 when something would change."},
        footer = {"", "Example:", "  strata diff -f lab/platform.yaml"})
final class DiffCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    SpecFile file;

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        PlatformSpec platform = file.load();
        var seams = cluster.seams();
        var out = spec.commandLine().getOut();
        try {
            var tree = new Renderer(seams.catalog(), dev.strata.render.Generators.all()).render(platform);
            var kube = ClusterOptions.connect(platform, seams);
            var changes = new Differ(kube).diff(tree);
            long changed = changes.stream().filter(c -> c.kind() != Differ.Change.Kind.UNCHANGED).count();
            changes.stream().filter(c -> c.kind() != Differ.Change.Kind.UNCHANGED).forEach(out::println);
            out.println(changed == 0 ? "No changes: the cluster matches the tree (" + changes.size() + " objects)."
                    : changed + " of " + changes.size() + " objects would change.");
            return changed == 0 ? Strata.OK : Strata.WRONG;
        } catch (RenderException e) {
            e.problems().forEach(spec.commandLine().getErr()::println);
            return Strata.WRONG;
        } catch (ClusterException e) {
            return ClusterOptions.report(spec.commandLine().getErr(), "diff", e);
        }
    }
}
