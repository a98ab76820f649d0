package dev.strata.cli;

import dev.strata.cluster.ops.Teardown;
import dev.strata.spec.PlatformSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "down",
        header = "Delete the cluster Strata created, or what up installed in an existing one.", mixinStandardHelpOptions = true,
        description = {"Delete the kind or Talos cluster Strata created; for an existing cluster, remove what up installed,",
            "in reverse order (root Application and everything under it, bootstrap project, Gitea, Argo CD).",
            "Asks first unless --yes."},
        footer = {"", "Examples:", "  strata down", "  strata down --yes                      # no question (scripts, CI)"})
final class DownCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    SpecFile file;

    @Mixin
    ClusterOptions cluster;

    @Option(names = {"-y", "--yes"}, description = "Do not ask.")
    boolean yes;

    @Override
    public Integer call() {
        PlatformSpec platform = file.load();
        new Teardown(cluster.seams()).run(platform, yes, spec.commandLine().getOut());
        return Strata.OK;
    }
}
