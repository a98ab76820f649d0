package dev.strata.cli;

import dev.strata.charts.ChartCache;
import dev.strata.cluster.Seams;
import dev.strata.cluster.doctor.Doctor;
import dev.strata.cluster.doctor.DoctorReport;
import dev.strata.cluster.doctor.Needs;
import dev.strata.cluster.up.Provisioner;
import dev.strata.cluster.up.UpOptions;
import dev.strata.cluster.up.steps.LoadImageStep;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import dev.strata.plan.measure.CachedReleaseRenderer;
import dev.strata.spec.PlatformSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@Command(name = "doctor",
        header = "Check what strata up needs from this machine before anything is touched.", mixinStandardHelpOptions = true,
        description = {"Check what strata up needs before touching anything: the Docker engine, kind or talosctl and its",
            "version, the engine's memory and CPUs against the plan, disk, the app image, ports 80/443, inotify limits,",
            "an existing cluster of the same name.",
            "Each finding has an id, a reason and the fix. Exit 1 when up would fail."},
        footer = {"", "Example:", "  strata doctor -f lab/platform.yaml"})
final class DoctorCommand extends LifecycleCommand {

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Output output;

    @Option(names = "--image-archive", paramLabel = "TAR", description = "The sample API image archive up will be given, if any.")
    Path imageArchive;

    /** The images the platform runs, when its charts are in the cache (strata charts pull); else none known. */
    private static List<String> cachedImages(PlatformSpec platform) {
        ChartCache charts = ChartCache.standard();
        if (!Files.isDirectory(charts.root())) {
            return List.of();
        }
        return Planner.bundled().plan(platform, Scenario.REPLICAS, new CachedReleaseRenderer(charts)).measurement().images();
    }

    @Override
    public Integer call() {
        PlatformSpec platform = platform();
        Seams seams = seams();
        Provisioner provisioner = Provisioner.of(platform, seams.runner());
        DoctorReport report = new Doctor(seams.runner(), seams.host(), () -> seams.kubes().apply(provisioner.kubeContext()))
                .examine(platform.cluster().provider(), platform.cluster().name(), Provisioner.tool(platform, seams.catalog()),
                        Needs.of(plan(), LoadImageStep.need(platform, new UpOptions(false, Duration.ZERO, Optional.ofNullable(imageArchive), Checkout.root())))
                                .withImages(cachedImages(platform)));
        if (output == Output.json) {
            out().println(Json.write(LifecycleJson.doctor(report)));
            out().flush();
        } else {
            report.print(out());
        }
        return report.blocking() ? Strata.WRONG : Strata.OK;
    }
}
