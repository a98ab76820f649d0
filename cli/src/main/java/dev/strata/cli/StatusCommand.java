package dev.strata.cli;

import dev.strata.cluster.ops.Status;
import dev.strata.cluster.kube.Kube;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Every Argo CD Application's sync and health, the nodes with their tier, and the gateway's address.",
            "Exit 1 when an Application is not Synced and Healthy or a node is not Ready."},
        footer = {"", "Example:", "  strata status -f lab/platform.yaml"})
final class StatusCommand extends LifecycleCommand {

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Output output;

    @Override
    public Integer call() {
        Kube kube = connect();
        Status s = Status.read(kube, facts().platformTier().label(), facts().gateway());
        PrintWriter out = out();
        if (output == Output.json) {
            out.println(Json.write(LifecycleJson.status(s)));
        } else {
            s.print(out);
        }
        out.flush();
        return s.healthy() ? Strata.OK : Strata.WRONG;
    }
}
