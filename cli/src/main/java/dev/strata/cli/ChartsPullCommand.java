package dev.strata.cli;

import dev.strata.charts.ChartCache;
import dev.strata.charts.ChartLock;
import dev.strata.charts.ChartPull;
import dev.strata.charts.ChartRef;
import dev.strata.plan.PlannedRelease;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import dev.strata.check.CheckEngine;

@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Bring every chart the platform installs (HTTP chart repositories, OCI registries, git tags) into "
            + "Strata's cache at its pinned version, check each archive (its Chart.yaml, the repository's digest) and "
            + "record its sha256 in charts.lock beside the spec. An archive that differs from its entry in charts.lock is "
            + "refused. With --tree, the charts are those a GitOps tree deploys (Argo CD chart sources, Flux HelmReleases, "
            + "chart dependencies not vendored), recorded in the tree's charts.lock, for strata check --deep. "
            + "With --from, nothing is downloaded: the archives come from a folder (air-gapped machines).",
            "Exit 0: every chart is in the cache; 1: a chart could not be pulled (charts.lock is then left as it was); 2: bad input (a --from or --tree that is not a directory, a spec that does not load)."},
        footer = {"", "Examples:", "  strata charts pull", "  strata charts pull -f lab/platform.yaml --from ./charts",
            "  strata charts pull --tree ~/src/homelab && strata check --deep ~/src/homelab", "  strata charts pull -o json"})
final class ChartsPullCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    SpecFile file;

    @Option(names = "--from", paramLabel = "DIR",
            description = "Import the archives from this folder (<chart>-<version>.tgz, as helm pull and helm package name them) instead of downloading.")
    Path from;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "The chart cache (default: $STRATA_CACHE_DIR/charts, else $XDG_CACHE_HOME/strata/charts, else ~/.cache/strata/charts).")
    Path cache;

    @Option(names = "--tree", paramLabel = "DIR",
            description = "Pull the charts this GitOps tree deploys instead of a platform spec's; the lock is DIR/charts.lock.")
    Path tree;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Output output;

    @Override
    public Integer call() {
        if (from != null && !Files.isDirectory(from)) {
            throw new UserException("--from " + from + ": not a directory; give the folder that holds the <chart>-<version>.tgz archives");
        }
        if (tree != null && !Files.isDirectory(tree)) {
            throw new UserException("--tree " + tree + ": not a directory; give the root of the GitOps tree to pull the charts of");
        }
        List<ChartRef> refs = tree != null ? CheckEngine.builder().build().chartsOf(List.of(tree))
                : new ArrayList<>(new LinkedHashSet<>(Planner.bundled().plan(file.load(), Scenario.REPLICAS).releases().stream()
                        .map(PlannedRelease::chart).toList()));
        ChartCache charts = cache == null ? ChartCache.standard() : new ChartCache(cache);
        Path lockFile = (tree != null ? tree.toAbsolutePath() : file.path().toAbsolutePath().getParent()).resolve(ChartLock.FILE_NAME);
        ChartLock lock = ChartLock.read(lockFile);
        PrintWriter out = spec.commandLine().getOut();
        boolean text = output == Output.text;
        if (text) {
            out.println("Pulling " + refs.size() + " charts into " + charts.root() + (from == null ? "" : " from " + from));
            out.flush();
        }
        ChartPull.Outcome outcome = ChartPull.standard(charts).pull(refs, Optional.ofNullable(from), lock, new ChartPull.Listener() {
            @Override
            public void done(ChartPull.Pulled p) {
                if (text) {
                    out.println("  ✓ " + p.ref().display() + ": " + p.how().name().toLowerCase() + ", " + p.digest());
                    out.flush();
                }
            }

            @Override
            public void failed(ChartPull.Failed f) {
                if (text) {
                    out.println("  ✗ " + f.ref().display() + ": " + f.reason());
                    out.flush();
                }
            }
        });
        if (outcome.ok()) {
            outcome.lock().write(lockFile);
        }
        if (text) {
            out.println(outcome.ok() ? refs.size() + " charts in the cache; " + lockFile + " records their sha256 (commit it with the tree)."
                    : outcome.failed().size() + " of " + refs.size() + " charts could not be pulled; " + lockFile.getFileName() + " was not changed.");
        } else {
            out.println(Json.write(json(outcome, charts, lockFile)));
        }
        out.flush();
        return outcome.ok() ? Strata.OK : Strata.WRONG;
    }

    private static Map<String, Object> json(ChartPull.Outcome o, ChartCache cache, Path lockFile) {
        List<Object> charts = new ArrayList<>();
        for (ChartPull.Pulled p : o.pulled()) {
            Map<String, Object> m = chart(p.ref());
            m.put("status", p.how().name().toLowerCase());
            m.put("digest", p.digest());
            m.put("archive", p.archive().toString());
            charts.add(m);
        }
        for (ChartPull.Failed f : o.failed()) {
            Map<String, Object> m = chart(f.ref());
            m.put("status", "failed");
            m.put("reason", f.reason());
            charts.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cache", cache.root().toString());
        out.put("lock", o.ok() ? lockFile.toString() : null);
        out.put("charts", charts);
        return out;
    }

    private static Map<String, Object> chart(ChartRef ref) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", ref.name());
        m.put("version", ref.version());
        m.put("repository", ref.repository());
        ref.path().ifPresent(p -> m.put("path", p));
        return m;
    }
}
