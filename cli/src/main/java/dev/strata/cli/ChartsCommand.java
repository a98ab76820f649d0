package dev.strata.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(name = "charts",
        header = "Pull the platform's pinned upstream charts into the cache and lock them by sha256.", mixinStandardHelpOptions = true,
        description = {"The platform's pinned upstream charts: pulled into Strata's cache and locked by sha256, so that",
            "check --deep and up use exactly what was locked."},
        subcommands = {ChartsPullCommand.class},
        footer = {"", "Examples:", "  strata charts pull", "  strata charts pull --from ./charts     # air-gapped: archives as helm pull writes them"})
final class ChartsCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
