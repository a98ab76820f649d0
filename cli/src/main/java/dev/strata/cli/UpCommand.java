package dev.strata.cli;

import dev.strata.charts.ChartCache;
import dev.strata.cluster.ClusterException;
import dev.strata.cluster.Lifecycle;
import dev.strata.cluster.Seams;
import dev.strata.cluster.process.SystemProcessRunner;
import dev.strata.cluster.tools.ToolInstaller;
import dev.strata.cluster.up.ConsoleProgress;
import dev.strata.cluster.up.Pipeline;
import dev.strata.cluster.up.Up;
import dev.strata.cluster.up.Provisioner;
import dev.strata.cluster.up.UpContext;
import dev.strata.cluster.up.UpOptions;
import dev.strata.cluster.up.UpState;
import dev.strata.spec.PlatformSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@Command(name = "up",
        header = "Take the spec to a running platform whose Applications are all Synced and Healthy.", mixinStandardHelpOptions = true,
        description = {"Take the spec to a running, synced platform, one visible step at a time: doctor, render and commit,",
            "prove (pull the pinned charts, check --deep: an error stops here, before any cluster exists),",
            "cluster, image, CNI, Argo CD, git server, push, root Application, then wait until every Application is",
            "Synced and Healthy. Re-running changes only what changed; an interrupted run resumes where it stopped",
            "(state in .strata/local/up-state.json next to the spec, never committed)."},
        footer = {"", "Examples:", "  strata up                              # ./platform.yaml",
            "  strata up --install-tools              # fetch the pinned kind/talosctl (checksum-verified) if missing",
            "  strata up --timeout 30m --image-archive sample-api/target/sample-api-image.tar"})
final class UpCommand extends LifecycleCommand {

    @Option(names = {"-y", "--yes"}, description = "Do not ask before using an existing cluster.")
    boolean yes;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "20m",
            description = "How long to wait for every Application to be Synced and Healthy (default: ${DEFAULT-VALUE}; e.g. 90s, 30m).")
    String timeout;

    @Option(names = "--install-tools", description = "Fetch a missing kind or talosctl, at the pinned version, into ~/.cache/strata/bin and verify its checksum.")
    boolean installTools;

    @Option(names = "--image-archive", paramLabel = "TAR",
            description = "The sample API image to load into kind (default: the Strata checkout's sample-api/target/sample-api-image.tar, built by up when missing).")
    Path imageArchive;

    @Option(names = "--charts-from", paramLabel = "DIR",
            description = "Import the chart archives from this folder instead of downloading them (as strata charts pull --from; air-gapped machines).")
    Path chartsFrom;

    @Override
    public Integer call() {
        PlatformSpec platform = platform();
        Path specDir = specDir();
        if (Checkout.contains(specDir)) {
            throw new UserException(file.path() + " is in the Strata checkout (" + Checkout.root().orElseThrow()
                    + "), and up would commit the lab's tree into Strata's repository: give the lab a directory of its own, "
                    + "e.g. strata init --profile " + (platform.profile().isEmpty() ? "kind-lab" : platform.profile()) + " --dir "
                    + Checkout.ELSEWHERE + " && strata up -f " + Checkout.ELSEWHERE + "/platform.yaml");
        }
        if (imageArchive != null && !Files.isRegularFile(imageArchive)) {
            throw new UserException("--image-archive " + imageArchive + ": no such file; build it with ./mvnw -pl sample-api -am package jib:buildTar "
                    + "(in the Strata checkout), or leave the option out and up builds it");
        }
        if (chartsFrom != null && !Files.isDirectory(chartsFrom)) {
            throw new UserException("--charts-from " + chartsFrom + ": not a directory; give the folder that holds the <chart>-<version>.tgz archives");
        }
        PrintWriter out = out();
        if (installTools) {
            installTool(platform, seams(), out);
        }
        UpContext ctx = new UpContext(platform, specDir, seams(), new UpOptions(yes, parse(timeout), Optional.ofNullable(imageArchive), Checkout.root()),
                UpState.load(specDir), new ConsoleProgress(out, System.console() != null));
        UpState.load(specDir).failedStep().ifPresent(s -> out.println("Resuming: the last run stopped at step " + s + "."));
        out.println("Bringing up " + platform.name() + " (" + platform.cluster().provider().id() + " cluster " + platform.cluster().name() + ")");
        List<Pipeline.Outcome> outcomes = Up.run(ctx);
        String specArg = file.path().toString().equals("platform.yaml") ? "" : " -f " + file.path();
        Up.summary(ctx, outcomes, specArg, out);
        return Strata.OK;
    }

    @Override
    Seams makeSeams() {
        return cluster.seams(new DeepProof(ChartCache.standard(), Optional.ofNullable(chartsFrom)));
    }

    @Override
    Optional<String> hint(RuntimeException failure) {
        return failure instanceof ClusterException ? Optional.of("Fix that and run strata up again: finished steps are not repeated.") : Optional.empty();
    }

    private static void installTool(PlatformSpec platform, Seams seams, PrintWriter out) {
        var tool = Provisioner.tool(platform, seams.catalog());
        if (tool.isEmpty()) {
            return;
        }
        boolean present = seams.runner() instanceof SystemProcessRunner r && r.locate(tool.get().name()).isPresent();
        if (present) {
            out.println(tool.get().name() + " is installed; --install-tools has nothing to do.");
            return;
        }
        out.println("Fetching " + tool.get().name() + " " + tool.get().version() + " into " + Lifecycle.toolDir() + " ...");
        Path p = ToolInstaller.standard(Lifecycle.toolDir()).install(tool.get());
        out.println("Installed " + p + " (SHA-256 verified against the release's published checksum).");
    }

    static Duration parse(String text) {
        String t = text.strip().toLowerCase();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new UserException("--timeout " + text + ": not a duration; write e.g. 90s, 20m or 1h");
        }
    }
}
