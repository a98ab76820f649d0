package dev.strata.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Runs init, plan, render and check on a bundled profile in one process, so that the launcher can
 * record start-up class data (an AOT cache, or a CDS archive before JDK 25) of the classes every
 * command loads; it is written when this process exits. Hidden: users never need it.
 */
@Command(name = "internal-warmup", hidden = true, description = "Exercise every engine once (used by ./strata to train its start-up class data).")
final class WarmupCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "An empty scratch directory.")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        String specFile = dir.resolve("platform.yaml").toString();
        int exit = Strata.run(sink, sink, "init", "--profile", "home", "--dir", dir.toString(), "--force");
        exit |= Strata.run(sink, sink, "plan", "-f", specFile, "-o", "json");
        exit |= Strata.run(sink, sink, "plan", "-f", specFile);
        exit |= Strata.run(sink, sink, "render", "-f", specFile);
        Strata.run(sink, sink, "check", dir.toString(), "-o", "json");
        Strata.run(sink, sink, "check", dir.toString());
        Strata.run(sink, sink, "--help"); // the whole command tree, as help and completion build it
        // a long multi-document stream takes the parallel parsing path a small tree does not
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            many.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w").append(i).append(", namespace: n}\n")
                    .append("spec:\n  selector: {matchLabels: {app: w").append(i).append("}}\n  template:\n    metadata: {labels: {app: w")
                    .append(i).append("}}\n    spec:\n      containers: [{name: c, image: 'nginx:1.27'}]\n")
                    .append("---\napiVersion: v1\nkind: Service\nmetadata: {name: w").append(i).append(", namespace: n}\n")
                    .append("spec: {selector: {app: w").append(i).append("}, ports: [{port: 80}]}\n");
        }
        try {
            Files.writeString(dir.resolve("many.yaml"), many);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Strata.run(sink, sink, "check", dir.resolve("many.yaml").toString(), "-o", "json");
        return exit == 0 ? Strata.OK : Strata.WRONG;
    }
}
