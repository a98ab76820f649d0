package dev.strata.cli;

import dev.strata.yaml.AtomicWrite;
import dev.strata.plan.Plan;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import dev.strata.plan.report.CapacitySvg;
import dev.strata.plan.report.PlanJson;
import dev.strata.plan.report.PlanText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Resolve the components, order their sync waves, and check that every pod fits its nodes.",
            "Exits 1 when something does not fit, with the scheduler's reason for each pod."},
        footer = {"", "Examples:", "  strata plan", "  strata plan -f lab/platform.yaml -o json", "  strata plan --scenario max --svg capacity.svg"})
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

    @Override
    public Integer call() {
        Scenario s = switch (scenario) {
            case "replicas" -> Scenario.REPLICAS;
            case "max" -> Scenario.MAX;
            default -> throw new UserException("--scenario must be replicas or max, not \"" + scenario + "\"");
        };
        Plan plan = Planner.bundled().plan(file.load(), s);
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
