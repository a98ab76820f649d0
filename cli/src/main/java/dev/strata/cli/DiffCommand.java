package dev.strata.cli;

import dev.strata.cluster.ops.Differ;
import dev.strata.render.Generators;
import dev.strata.render.RenderedTree;
import dev.strata.render.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "diff",
        header = "Show what applying the rendered tree would change in the live cluster.", mixinStandardHelpOptions = true,
        description = {"What the rendered tree would change in the live cluster, per object: each object is applied with",
            "a server-side dry run and compared with the live one. Nothing is changed. Exit 1 when something would change."},
        footer = {"", "Example:", "  strata diff -f lab/platform.yaml"})
final class DiffCommand extends LifecycleCommand {

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Output output;

    @Override
    public Integer call() {
        RenderedTree tree = new Renderer(seams().catalog(), Generators.all()).render(platform());
        List<Differ.Change> changes = new Differ(connect()).diff(tree);
        PrintWriter out = out();
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
