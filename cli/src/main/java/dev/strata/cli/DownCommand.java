package dev.strata.cli;

import dev.strata.cluster.ops.Teardown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "down",
        header = "Delete the cluster Strata created, or what up installed in an existing one.", mixinStandardHelpOptions = true,
        description = {"Delete the kind or Talos cluster Strata created; for an existing cluster, remove what up installed,",
            "in reverse order (root Application and everything under it, bootstrap project, Gitea, Argo CD).",
            "Asks first unless --yes."},
        footer = {"", "Examples:", "  strata down", "  strata down --yes                      # no question (scripts, CI)"})
final class DownCommand extends LifecycleCommand {

    @Option(names = {"-y", "--yes"}, description = "Do not ask.")
    boolean yes;

    @Override
    public Integer call() {
        new Teardown(seams()).run(platform(), yes, out());
        return Strata.OK;
    }
}
