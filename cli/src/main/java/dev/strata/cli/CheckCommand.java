package dev.strata.cli;

import dev.strata.check.CheckEngine;
import dev.strata.check.CheckException;
import dev.strata.check.CheckReport;
import dev.strata.check.ExitCodes;
import dev.strata.check.Severity;
import dev.strata.check.flows.FlowFormatter;
import dev.strata.check.flows.FlowReport;
import dev.strata.check.format.Formatters;
import dev.strata.check.format.RuleListFormatter;
import dev.strata.check.load.CachedCharts;
import dev.strata.charts.ChartCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check",
        header = "Check a GitOps tree offline, or with --deep as the cluster will run it.", mixinStandardHelpOptions = true,
        description = {"Check a GitOps tree offline: schema, security, references across resources, GitOps hygiene,",
            "network and mesh, and — with a platform.yaml in the tree — tiering and capacity.",
            "Reads plain YAML, Kustomize directories (kustomize or kubectl kustomize), Helm charts (in-process)",
            "and Argo CD Applications that point into the tree. Objects opt out of a rule with the annotation",
            "strata.dev/ignore: rule-a,rule-b.",
            "With --flows it prints, instead of findings, the flows the tree implies (gateway to route backends,",
            "Prometheus to monitored ports, apps to DNS and declared external services, the API server to",
            "webhooks) and whether NetworkPolicies and Istio AuthorizationPolicies let each through.",
            "Exit 0: no error findings; 1: error findings; 2: the input could not be read.",
            "With --flows: 0 whatever is blocked; 2: the input could not be read."},
        footer = {"", "Examples:", "  strata check                       # the current directory",
            "  strata check examples/home -o sarif > strata.sarif", "  strata check --list-rules -o json",
            "  strata check apps/ --skip missing-liveness-probe --severity error",
            "  strata check --flows examples/talos-ambient      # src => dst : port, allowed|blocked, by which policy",
            "  strata check --flows -o dot . | dot -Tsvg > flows.svg"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories to check (default: .).")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json, sarif (2.1.0) or junit (default: ${DEFAULT-VALUE}); with --flows: text, json or dot.")
    String output;

    @Option(names = "--severity", paramLabel = "LEVEL", description = "Report only findings at or above this severity: warning or error.")
    String severity;

    @Option(names = "--rule", paramLabel = "ID", description = "Run only this rule (repeatable).")
    List<String> rules = new ArrayList<>();

    @Option(names = "--skip", paramLabel = "ID", description = "Do not run this rule (repeatable).")
    List<String> skip = new ArrayList<>();

    @Option(names = "--list-rules", description = "List the rules (id, category, severity, description) and exit.")
    boolean listRules;

    @Option(names = "--flows", description = {"Print the flow matrix instead of findings: each flow the tree implies as",
        "src => dst : port, allowed or blocked, with the NetworkPolicy or AuthorizationPolicy that decides it",
        "(or \"no policy isolates ...\") and what had to be assumed (pods or namespaces not in the input)."})
    boolean flows;

    @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN", description = "auto (on a terminal), always or never.")
    String color;

    @Option(names = "--deep", description = {"Check the platform as the cluster will run it: render every Application's chart from",
        "the chart cache (strata charts pull) as Argo CD does, with what the platform declares besides (what",
        "operators create, what strata up creates), and judge admission (Pod Security, Kyverno), references,",
        "values types and drift."})
    boolean deep;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "The chart cache for --deep (default: $STRATA_CACHE_DIR/charts, else ~/.cache/strata/charts).")
    Path cache;

    @Option(names = "--kube-version", paramLabel = "VERSION", defaultValue = "v1.34.0",
            description = "The cluster's Kubernetes version charts are rendered for, when no platform.yaml gives it (default: ${DEFAULT-VALUE}).")
    String kubeVersion;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (flows && !FlowFormatter.NAMES.contains(output)) {
            throw new UserException("-o with --flows must be one of " + String.join(", ", FlowFormatter.NAMES) + ", not \"" + output + "\"");
        }
        if (!flows && !Formatters.NAMES.contains(output)) {
            throw new UserException("-o must be one of " + String.join(", ", Formatters.NAMES) + ", not \"" + output + "\"");
        }
        List<Path> inputs = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        CheckEngine.Builder builder = CheckEngine.builder().rules(rules).skip(skip)
                .clusterModelFactory(file -> PlatformClusterModel.from(file, err))
                .baseDir(Path.of("").toAbsolutePath())
                .kubeVersion(kubeVersion);
        if (deep) {
            builder.deep(CachedCharts.forInputs(cache == null ? ChartCache.standard() : new ChartCache(cache), inputs));
        }
        if (severity != null) {
            try {
                builder.threshold(Severity.parse(severity));
            } catch (IllegalArgumentException | CheckException e) {
                throw new UserException("--severity " + severity + ": " + e.getMessage());
            }
        }
        CheckEngine engine;
        try {
            engine = builder.build();
        } catch (CheckException e) {
            throw new UserException(e.getMessage());
        }
        if (listRules) {
            out.print(output.equals("json") ? RuleListFormatter.json(engine.registry().infos()) : RuleListFormatter.text(engine.registry().infos()));
            out.flush();
            return Strata.OK;
        }
        if (flows) {
            FlowReport report = engine.flows(inputs);
            out.print(FlowFormatter.named(output).format(report));
            out.flush();
            report.inputErrors().forEach(e -> err.println(e.path() + ": " + e.message()));
            return ExitCodes.of(report);
        }
        boolean useColor = switch (color) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> System.console() != null && System.getenv("NO_COLOR") == null;
            default -> throw new UserException("--color must be auto, always or never");
        };
        CheckReport report = engine.check(inputs);
        out.print(Formatters.named(output, useColor && output.equals("text"), engine.registry().infos()).format(report));
        out.flush();
        if (!output.equals("text")) {
            report.inputErrors().forEach(e -> err.println(e.path() + ": " + e.message()));
        }
        return ExitCodes.of(report);
    }
}
