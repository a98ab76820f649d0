package dev.strata.cli;

import dev.strata.catalog.Catalog;
import dev.strata.cluster.ops.Status;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import dev.strata.spec.PlatformSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Every Argo CD Application's sync and health, the nodes with their tier, and the gateway's address.",
            "Exit 1 when an Application is not Synced and Healthy or a node is not Ready."},
        footer = {"", "Example:", "  strata status -f lab/platform.yaml"})
final class StatusCommand implements Callable<Integer> {

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
        var kube = ClusterOptions.connect(platform, cluster.seams());
        var facts = new Planner(Catalog.bundled()).plan(platform, Scenario.REPLICAS).facts();
        Status s = Status.read(kube, facts.platformTier().label(), facts.gateway());
        var out = spec.commandLine().getOut();
        if (output == Output.json) {
            out.println(Json.write(LifecycleJson.status(s)));
        } else {
            s.print(out);
        }
        out.flush();
        return s.healthy() ? Strata.OK : Strata.WRONG;
    }
}
