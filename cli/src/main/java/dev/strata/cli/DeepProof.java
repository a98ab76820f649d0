package dev.strata.cli;

import dev.strata.charts.ChartCache;
import dev.strata.charts.ChartLock;
import dev.strata.charts.ChartPull;
import dev.strata.charts.ChartRef;
import dev.strata.check.CheckEngine;
import dev.strata.check.CheckReport;
import dev.strata.check.Finding;
import dev.strata.check.Severity;
import dev.strata.check.load.CachedCharts;
import dev.strata.cluster.up.PlatformProof;
import dev.strata.plan.OperatorWorkloads;
import dev.strata.plan.Plan;
import dev.strata.plan.PlannedRelease;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import dev.strata.plan.measure.CachedReleaseRenderer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The proof {@code up} runs before creating anything: {@code strata charts pull} into the cache
 * (or from {@code --charts-from}), {@code charts.lock} written beside the spec, then
 * {@code strata check --deep} over the spec's directory — the same code those commands run.
 */
final class DeepProof implements PlatformProof {

    private final ChartCache cache;
    private final Optional<Path> from;

    DeepProof(ChartCache cache, Optional<Path> from) {
        this.cache = cache;
        this.from = from;
    }

    @Override
    public Result prove(Path specDir, Plan plan, Consumer<String> info) {
        List<ChartRef> refs = new ArrayList<>(new LinkedHashSet<>(plan.releases().stream().map(PlannedRelease::chart).toList()));
        Path lockFile = specDir.resolve(ChartLock.FILE_NAME);
        ChartPull.Outcome pulled = ChartPull.standard(cache).pull(refs, from, ChartLock.read(lockFile), new ChartPull.Listener() {
            @Override
            public void done(ChartPull.Pulled p) {
                info.accept("✓ " + p.ref().display() + " (" + p.how().name().toLowerCase() + ")");
            }

            @Override
            public void failed(ChartPull.Failed f) {
                info.accept("✗ " + f.ref().display() + ": " + f.reason());
            }
        });
        if (!pulled.ok()) {
            List<String> errors = pulled.failed().stream().map(f -> "chart " + f.ref().display() + ": " + f.reason()).toList();
            return new Result(pulled.pulled().size(), 0, errors, 0);
        }
        pulled.lock().write(lockFile);
        StringWriter notes = new StringWriter();
        CheckEngine engine = CheckEngine.builder()
                .clusterModelFactory(file -> PlatformClusterModel.from(file, new PrintWriter(notes)))
                .baseDir(specDir)
                .kubeVersion(plan.spec().cluster().kubernetesVersion())
                .deep(CachedCharts.forInputs(cache, List.of(specDir)))
                .build();
        CheckReport report = engine.check(List.of(specDir));
        List<String> errors = new ArrayList<>();
        report.inputErrors().forEach(e -> errors.add(e.path() + ": " + e.message()));
        for (Finding f : report.findings()) {
            if (f.severity() == Severity.ERROR) {
                errors.add((f.file().isEmpty() ? "" : f.file() + ":" + f.line() + ": ") + f.rule() + ": " + f.message());
            }
        }
        return new Result(refs.size(), report.summary().objects(), errors, report.summary().warnings(), images(plan));
    }

    /** The images the platform runs: the charts' pods rendered with the planned values (cached by now), and what operators create. */
    private List<String> images(Plan plan) {
        TreeSet<String> out = new TreeSet<>(Planner.bundled()
                .plan(plan.spec(), Scenario.REPLICAS, new CachedReleaseRenderer(cache))
                .measurement().images());
        for (var declared : OperatorWorkloads.of(plan)) {
            podImages(declared.manifest(), out);
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    private static void podImages(Map<String, Object> manifest, Set<String> out) {
        var spec = (Map<String, Object>) manifest.getOrDefault("spec", Map.of());
        if (spec.get("jobTemplate") instanceof Map<?, ?> job && job.get("spec") instanceof Map<?, ?> jobSpec) {
            spec = (Map<String, Object>) jobSpec; // a CronJob's pods are its jobs' pods
        }
        Object template = spec.get("template");
        Object podSpec = template instanceof Map<?, ?> t ? t.get("spec") : null;
        if (!(podSpec instanceof Map<?, ?> ps)) {
            return;
        }
        for (String field : List.of("initContainers", "containers")) {
            if (ps.get(field) instanceof List<?> cs) {
                for (Object c : cs) {
                    if (c instanceof Map<?, ?> m && m.get("image") != null) {
                        out.add(String.valueOf(m.get("image")));
                    }
                }
            }
        }
    }
}
