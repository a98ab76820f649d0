package dev.strata.cli;

import dev.strata.cluster.ops.Differ;
import dev.strata.render.RenderException;
import dev.strata.render.Renderer;
import dev.strata.spec.PlatformSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Output output;

    @Override
    public Integer call() {
        PlatformSpec platform = file.load();
        var seams = cluster.seams();
        var out = spec.commandLine().getOut();
        dev.strata.render.RenderedTree tree;
        try {
            tree = new Renderer(seams.catalog(), dev.strata.render.Generators.all()).render(platform);
        } catch (RenderException e) {
            e.problems().forEach(spec.commandLine().getErr()::println);
            return Strata.WRONG;
        }
        var kube = ClusterOptions.connect(platform, seams);
        var changes = new Differ(kube).diff(tree);
        long changed = changes.stream().filter(c -> c.kind() != Differ.Change.Kind.UNCHANGED).count();
        if (output == Output.json) {
            out.println(Json.write(LifecycleJson.diff(changes)));
        } else {
            changes.stream().filter(c -> c.kind() != Differ.Change.Kind.UNCHANGED).forEach(out::println);
            out.println(changed == 0 ? "No changes: the cluster matches the tree (" + changes.size() + " objects)."
                    : changed + " of " + changes.size() + " objects would change.");
        }
        out.flush();
        return changed == 0 ? Strata.OK : Strata.WRONG;
    }
}
