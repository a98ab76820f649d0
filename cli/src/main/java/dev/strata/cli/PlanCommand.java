package dev.strata.cli;

import dev.strata.yaml.AtomicWrite;
import dev.strata.plan.Plan;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import dev.strata.plan.measure.CachedReleaseRenderer;
import dev.strata.plan.measure.ReleaseRenderer;
import dev.strata.charts.ChartCache;
import dev.strata.plan.report.CapacitySvg;
import dev.strata.plan.report.PlanJson;
import dev.strata.plan.report.PlanText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Resolve the components, order their sync waves, and check that every pod fits its nodes.",
            "Where a release's chart is in the chart cache (strata charts pull), its pods are the ones the chart renders",
            "with the planned values, and the plan says how far the catalog's declared figures are from them;",
            "elsewhere the catalog's figures are used.",
            "Exits 1 when something does not fit, with the scheduler's reason for each pod."},
        footer = {"", "Examples:", "  strata plan", "  strata plan -f lab/platform.yaml -o json", "  strata plan --scenario max --svg capacity.svg",
            "  strata charts pull && strata plan      # sized from the real charts"})
final class PlanCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    SpecFile file;

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Output output;

    @Option(names = "--svg", paramLabel = "FILE", description = "Also write the capacity chart as an SVG file.")
    Path svg;

    @Option(names = "--scenario", defaultValue = "replicas", paramLabel = "replicas|max",
            description = "replicas: the spec's replica counts; max: every HPA at its maximum (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "The chart cache to measure from (default: $STRATA_CACHE_DIR/charts, else ~/.cache/strata/charts).")
    Path cache;

    @Option(names = "--declared", description = "Size from the catalog alone, even where charts are cached.")
    boolean declared;

    @Override
    public Integer call() {
        Scenario s = switch (scenario) {
            case "replicas" -> Scenario.REPLICAS;
            case "max" -> Scenario.MAX;
            default -> throw new UserException("--scenario must be replicas or max, not \"" + scenario + "\"");
        };
        ChartCache charts = cache == null ? ChartCache.standard() : new ChartCache(cache);
        ReleaseRenderer renderer = declared || !Files.isDirectory(charts.root()) ? ReleaseRenderer.NONE : new CachedReleaseRenderer(charts);
        Plan plan = Planner.bundled().plan(file.load(), s, renderer);
        var out = spec.commandLine().getOut();
        out.print(output == Output.json ? PlanJson.render(plan) : PlanText.render(plan));
        out.flush();
        if (svg != null) {
            AtomicWrite.write(svg, CapacitySvg.render(plan));
            if (output == Output.text) {
                out.println("Wrote " + svg);
            }
        }
        return plan.fits() ? Strata.OK : Strata.WRONG;
    }
}
