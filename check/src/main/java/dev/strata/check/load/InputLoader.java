package dev.strata.check.load;

import dev.strata.charts.ChartLock;
import dev.strata.charts.ChartRef;
import dev.strata.charts.render.HelmHooks;
import dev.strata.charts.render.TemplateRewrites;
import dev.strata.check.InputError;
import dev.strata.check.Skipped;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.SourceTree;
import dev.strata.check.load.argo.ArgoFollower;
import dev.strata.check.load.flux.FluxBuild;
import dev.strata.check.load.flux.FluxFollower;
import dev.strata.yaml.Yaml;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Loads input paths into objects: plain YAML files, Kustomize directories (built by a
 * {@link Kustomizer}), Helm charts (rendered by a {@link ChartRenderer}) and what Argo CD
 * Applications in the tree point to. Binary and non-YAML files are skipped and counted; a
 * {@code platform.yaml} is detected and handed on, not loaded.
 *
 * <p>Deep ({@link Options#deep()}): an Application's chart from a Helm repository, or its directory
 * of another git repository, is taken from the {@link ChartSource} (the chart cache) and rendered as
 * Argo CD renders it — release name, destination namespace, values files from this tree
 * ({@code $values/...}), inline values and parameters, the cluster's Kubernetes version and the API
 * versions of every CRD in the set (a chart that asks for them is rendered again once they are all
 * known), Helm hooks kept when Argo CD runs them (pre/post install and upgrade) and dropped when it
 * never does during a sync (delete, test, rollback). Without deep, such Applications are listed as
 * not rendered, with the reason.
 */
public final class InputLoader {

    /** Argo CD's default when the cluster's version is not known (Kubernetes 1.34, as the profiles pin). */
    public static final String DEFAULT_KUBE_VERSION = "v1.34.0";

    /**
     * @param deep        render remote charts and git directories from {@code charts}
     * @param charts      where deep finds archives the tree does not hold
     * @param kubeVersion the cluster's version, passed to Helm
     * @param excluded    directories not to walk (other roots checked on their own)
     */
    public record Options(boolean deep, ChartSource charts, String kubeVersion, Set<Path> excluded) {
        public Options {
            excluded = Set.copyOf(excluded);
        }

        public static Options plain() {
            return new Options(false, ChartSource.none(), DEFAULT_KUBE_VERSION, Set.of());
        }
    }

    private final Kustomizer kustomizer;
    private final ChartRenderer charts;
    private final ManifestParser parser;
    private final Path baseDir;

    public InputLoader(Kustomizer kustomizer, ChartRenderer charts, YamlReader reader, Path baseDir) {
        this.kustomizer = kustomizer;
        this.charts = charts;
        this.parser = new ManifestParser(reader);
        this.baseDir = baseDir.toAbsolutePath().normalize();
    }

    public LoadResult load(List<Path> inputs) {
        return load(inputs, Options.plain());
    }

    public LoadResult load(List<Path> inputs, Options options) {
        return new Session(SourceTree.around(inputs), options).run(inputs);
    }

    /** Display form of a path: relative to the base directory when below it, '/'-separated. */
    public String display(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path shown = abs.startsWith(baseDir) ? baseDir.relativize(abs) : abs;
        String s = shown.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /**
     * One rendering of a chart: what it produced, kept apart so that it can be replaced — by an
     * Application's rendering of a chart first rendered with its defaults, or by a render that knows
     * more API versions.
     */
    private static final class Unit {
        final Path chart;
        final String shownFile;
        final String origin;
        final String application;
        ChartRenderer.Request request;
        TemplateRewrites.Asks asks = TemplateRewrites.Asks.NONE;
        final List<Resource> resources = new ArrayList<>();
        final List<LoadProblem> problems = new ArrayList<>();
        final List<Skipped> skipped = new ArrayList<>();

        Unit(Path chart, String shownFile, String origin, String application, ChartRenderer.Request request) {
            this.chart = chart;
            this.shownFile = shownFile;
            this.origin = origin;
            this.application = application;
            this.request = request;
        }
    }

    private final class Session implements Loading {
        final SourceTree tree;
        final Options options;
        final List<Resource> resources = new ArrayList<>();
        final List<LoadProblem> problems = new ArrayList<>();
        final List<Skipped> skipped = new ArrayList<>();
        final List<InputError> inputErrors = new ArrayList<>();
        final Set<Path> platformFiles = new LinkedHashSet<>();
        final Set<Path> walkedRoots = new LinkedHashSet<>();
        final Set<String> followed = new HashSet<>();
        final Set<String> countedFiles = new HashSet<>();
        final Set<Path> pendingCharts = new LinkedHashSet<>();
        final Set<Path> claimedCharts = new HashSet<>();
        /** Charts from repositories the tree deploys, for strata charts pull --tree. */
        final Set<ChartRef> wantedCharts = new LinkedHashSet<>();
        final Map<String, Unit> units = new LinkedHashMap<>();
        /** Charts from the cache waiting to be rendered, so that those asking for API versions go last (deep). */
        final List<Unit> pending = new ArrayList<>();

        Session(SourceTree tree, Options options) {
            this.tree = tree;
            this.options = options;
        }

        LoadResult run(List<Path> inputs) {
            for (Path input : inputs) {
                Path abs = input.toAbsolutePath().normalize();
                if (!Files.exists(abs)) {
                    inputErrors.add(new InputError(display(abs), "path does not exist"));
                } else if (!Files.isReadable(abs)) {
                    inputErrors.add(new InputError(display(abs), "path is not readable"));
                } else if (Files.isDirectory(abs)) {
                    walk(abs, "", "");
                } else {
                    loadFiles(List.of(abs), "", "");
                }
            }
            for (int round = 0; round < 10; round++) {
                boolean changed = expandApplicationSets();
                changed |= followApplications();
                changed |= followFlux(false);
                renderPending();
                for (Path chart : List.copyOf(pendingCharts)) {
                    String origin = "helm:" + display(chart);
                    if (!claimedCharts.contains(chart) && !units.containsKey(origin)) {
                        renderUnit(new Unit(chart, display(chart.resolve("Chart.yaml")), origin, "",
                                ChartRenderer.Request.defaults(chart, options.kubeVersion())));
                        changed = true;
                    }
                }
                if (!changed && !followFlux(true)) {
                    break;
                }
            }
            if (options.deep()) {
                rerenderWithApiVersions();
            }
            List<Resource> all = new ArrayList<>(resources);
            List<LoadProblem> allProblems = new ArrayList<>(problems);
            List<Skipped> allSkipped = new ArrayList<>(skipped);
            for (Unit u : units.values()) {
                all.addAll(u.resources);
                allProblems.addAll(u.problems);
                allSkipped.addAll(u.skipped);
            }
            return new LoadResult(all, countedFiles.size(), allProblems, allSkipped, inputErrors,
                    new ArrayList<>(platformFiles), tree, new ArrayList<>(wantedCharts));
        }

        void walk(Path root, String defaultNamespace, String application) {
            walkedRoots.add(root);
            List<Path> files = new ArrayList<>();
            List<Path> chartDirs = new ArrayList<>();
            List<Path> kustomizeDirs = new ArrayList<>();
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(root) && (dir.getFileName().toString().startsWith(".") || options.excluded().contains(dir))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (Files.isRegularFile(dir.resolve("Chart.yaml"))) {
                            chartDirs.add(dir);
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (kustomization(dir).isPresent()) {
                            kustomizeDirs.add(dir);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            files.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        skipped.add(new Skipped(display(file), "unreadable: " + exc.getMessage()));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                inputErrors.add(new InputError(display(root), "cannot list directory: " + e.getMessage()));
                return;
            }
            Set<Path> consumed = new HashSet<>();
            Set<Path> referencedKustomizations = new HashSet<>();
            Map<Path, Set<Path>> referrers = new HashMap<>();
            for (Path dir : kustomizeDirs) {
                kustomization(dir).ifPresent(file -> {
                    KustomizationRefs.collect(file, consumed, referencedKustomizations, referrers);
                    for (KustomizationRefs.Deprecated d : KustomizationRefs.deprecated(file)) {
                        problems.add(new LoadProblem("kustomize-deprecated", display(file), d.line(), d.message()));
                    }
                });
            }
            List<Path> plain = new ArrayList<>();
            List<Path> unlisted = new ArrayList<>();
            for (Path file : files) {
                if (consumed.contains(file)) {
                    continue;
                }
                if (!kustomizeDirs.contains(file.getParent())) {
                    plain.add(file);
                } else if (!kustomization(file.getParent()).map(file::equals).orElse(false) && yaml(file)) {
                    unlisted.add(file);
                }
            }
            loadFiles(plain, defaultNamespace, application);
            loadUnlisted(unlisted);
            Map<Path, Boolean> built = new HashMap<>();
            for (Path dir : kustomizeDirs) {
                if (referencedKustomizations.contains(dir)) {
                    continue;
                }
                if (kustomization(dir).map(KustomizationRefs::component).orElse(false)) {
                    skipped.add(new Skipped(display(dir), "kustomize Component: built as part of the kustomizations that include it"));
                    continue;
                }
                built.put(dir, build(dir, application));
            }
            // A base is checked on its own when every kustomization that uses it failed to build: what
            // would be found checking its folder must be found from the repository root too.
            boolean progress = true;
            while (progress) {
                progress = false;
                for (Path dir : kustomizeDirs) {
                    if (built.containsKey(dir) || !referencedKustomizations.contains(dir)
                            || kustomization(dir).map(KustomizationRefs::component).orElse(false)) {
                        continue;
                    }
                    Set<Path> users = referrers.getOrDefault(dir, Set.of());
                    if (!users.stream().allMatch(built::containsKey)) {
                        continue;
                    }
                    if (users.stream().noneMatch(built::get)) {
                        skipped.add(new Skipped(display(dir), "built on its own: every kustomization using it failed to build"));
                        built.put(dir, build(dir, application));
                    } else {
                        built.put(dir, true); // checked as part of a kustomization that built
                    }
                    progress = true;
                }
            }
            pendingCharts.addAll(chartDirs);
        }

        void loadFiles(List<Path> files, String defaultNamespace, String application) {
            List<Path> yaml = new ArrayList<>();
            for (Path file : files) {
                String name = file.getFileName().toString();
                if ((name.equals("platform.yaml") || name.equals("platform.yml")) && strataSpec(file)) {
                    platformFiles.add(file);
                } else if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
                    yaml.add(file);
                } else if (!name.equals(ChartLock.FILE_NAME)) {
                    skipped.add(new Skipped(display(file), "not a yaml file"));
                }
            }
            ManifestFileReader reader = new ManifestFileReader(parser);
            List<ManifestFileReader.Outcome> outcomes = yaml.size() > 64
                    ? yaml.parallelStream().map(f -> reader.read(f, display(f), defaultNamespace)).toList()
                    : yaml.stream().map(f -> reader.read(f, display(f), defaultNamespace)).toList();
            for (int i = 0; i < outcomes.size(); i++) {
                ManifestFileReader.Outcome o = outcomes.get(i);
                for (Resource r : o.resources()) {
                    resources.add(application.isEmpty() ? r : r.withApplication(application));
                }
                problems.addAll(o.problems());
                o.skipped().ifPresent(skipped::add);
                if (!o.resources().isEmpty() || !o.problems().isEmpty()) {
                    countedFiles.add(display(yaml.get(i)));
                }
            }
        }

        /** Files in a kustomization's directory that it does not list: checked on their own, not part of the built tree. */
        void loadUnlisted(List<Path> files) {
            ManifestFileReader reader = new ManifestFileReader(parser);
            for (Path f : files) {
                ManifestFileReader.Outcome o = reader.read(f, display(f), "");
                for (Resource r : o.resources()) {
                    resources.add(new Resource(r.ref(), r.root(), r.file(), r.line(), UNLISTED + r.file(), r.application()));
                }
                problems.addAll(o.problems());
                if (!o.resources().isEmpty()) {
                    countedFiles.add(display(f));
                }
            }
        }

        /** Builds a kustomize directory; true when it built (or was left out only because it needs the network). */
        boolean build(Path dir, String application) {
            String shown = display(dir);
            String kfile = display(kustomization(dir).orElse(dir));
            List<KustomizationRefs.HelmChart> helmCharts = KustomizationRefs.helmCharts(dir);
            if (!helmCharts.isEmpty()) {
                return buildHelmCharts(dir, application, helmCharts);
            }
            Optional<String> network = KustomizationRefs.needsNetwork(dir);
            if (network.isPresent()) {
                skipped.add(Skipped.unrenderedSource(shown, "kustomize directory not built: building it needs the network ("
                        + network.get() + ")"));
                return true;
            }
            return built(dir, application, kustomizer.buildWithOrigins(dir));
        }

        /**
         * A kustomization with {@code helmCharts}: kustomize renders them with a helm binary
         * ({@code --enable-helm}) that Strata does not run, so each chart is rendered in-process
         * instead — from its {@code chartHome} folder, or (deep) from the chart cache — with its
         * release name, namespace, {@code valuesFile} and {@code valuesInline}. The kustomization's
         * own transformations over the chart's output are not applied, which is said.
         */
        boolean buildHelmCharts(Path dir, String application, List<KustomizationRefs.HelmChart> helmCharts) {
            String shown = display(dir);
            String kfile = display(kustomization(dir).orElse(dir));
            for (KustomizationRefs.HelmChart c : helmCharts) {
                String chartName = "helmCharts " + c.name() + " " + c.version() + " (" + c.repo() + ")";
                if (c.chartHome().isEmpty()) {
                    want(c.repo(), c.name(), c.version());
                }
                Optional<Path> chart = c.chartHome().or(() -> options.deep()
                        ? options.charts().chart(c.repo(), c.name(), c.version()) : Optional.empty());
                if (chart.isEmpty()) {
                    skipped.add(Skipped.unrenderedSource(shown, chartName + " not rendered: " + (options.deep() ? options.charts().missingReason()
                            : "charts from a repository are rendered by strata check --deep")));
                    continue;
                }
                Optional<String> inline = c.valuesInline().map(v -> Yaml.dump(Plain.map(v)));
                ChartRenderer.Request request = new ChartRenderer.Request(c.releaseName(), c.namespace(),
                        c.valuesFile().filter(Files::isRegularFile).map(List::of).orElse(List.of()), inline, options.kubeVersion(), Set.of());
                Unit unit = new Unit(chart.get(), kfile, "helmcharts:" + shown + "/" + c.name(), application, request);
                if (c.chartHome().isPresent()) {
                    claimedCharts.add(chart.get());
                    renderUnit(unit);
                } else {
                    pending.add(unit);
                }
            }
            skipped.add(Skipped.unrenderedSource(shown, "kustomize directory not built: it uses helmCharts, which kustomize renders only with"
                    + " --enable-helm and a helm binary; its charts are rendered in-process without the kustomization's transformations"));
            return true;
        }

        private boolean built(Path dir, String application, Kustomizer.Result result) {
            String shown = display(dir);
            String kfile = display(kustomization(dir).orElse(dir));
            Origins origins = new Origins(parser, InputLoader.this::display);
            switch (result) {
                case Kustomizer.Built built -> {
                    ManifestParser.Parsed parsed = parser.parse(built.yaml(), kfile, "kustomize:" + shown, "");
                    for (Resource r : parsed.resources()) {
                        Resource placed = built.originBase().map(base -> origins.place(r, base)).orElse(r);
                        resources.add(application.isEmpty() ? placed : placed.withApplication(application));
                    }
                    for (LoadProblem p : parsed.problems()) {
                        problems.add(new LoadProblem("render-failed", kfile, 1,
                                "kustomize build output is not valid yaml: " + p.message()));
                    }
                    countedFiles.add(kfile);
                    return true;
                }
                case Kustomizer.Unavailable u -> {
                    skipped.add(Skipped.unrenderedSource(shown, "kustomize directory not built: " + u.reason()));
                    return true;
                }
                case Kustomizer.Failed f -> {
                    problems.add(new LoadProblem("render-failed", kfile, 1, f.message()));
                    return false;
                }
            }
        }

        /** Renders a unit (again): its previous output, if any, is replaced. */
        void renderUnit(Unit u) {
            units.put(u.origin, u);
            u.resources.clear();
            u.problems.clear();
            u.skipped.clear();
            Path chart = u.chart;
            Path vendoredCopy = null;
            if (Files.isDirectory(u.chart)) {
                List<ChartDependencies.Dependency> missing = ChartDependencies.missingDependencies(u.chart);
                missing.forEach(d -> d.ref().ifPresent(wantedCharts::add));
                if (!missing.isEmpty()) {
                    vendoredCopy = options.deep() ? vendored(u.chart, missing) : null;
                    if (vendoredCopy == null) {
                        String names = String.join(", ", missing.stream().map(ChartDependencies.Dependency::name).toList());
                        u.skipped.add(Skipped.unrenderedSource(display(u.chart), "chart dependencies are not vendored in charts/ (" + names
                                + "); run helm dependency build to check it offline" + (options.deep()
                                ? " (not in the chart cache either: strata charts pull --tree brings them)" : "")));
                        return;
                    }
                    chart = vendoredCopy.resolve(u.chart.getFileName().toString());
                }
            }
            List<LoadProblem> unreadable = unreadableValues(u);
            if (!unreadable.isEmpty()) {
                u.problems.addAll(unreadable); // Helm would refuse them too: said where, not as "cannot be read"
                TempTrees.delete(vendoredCopy);
                return;
            }
            ChartRenderer.Result result;
            try {
                result = charts.render(chart, u.request);
            } finally {
                TempTrees.delete(vendoredCopy);
            }
            switch (result) {
                case ChartRenderer.Rendered r -> {
                    u.asks = r.asks();
                    // Helm writes each document under its own "# Source:": a template's objects come in several parts
                    Map<String, TemplateLines> templates = new HashMap<>();
                    List<ManifestParser.Parsed> parsedParts = new ArrayList<>();
                    for (ChartRenderer.Part part : r.parts()) {
                        ManifestParser.Parsed parsed = parser.parse(part.yaml(), partFile(u, part), u.origin, u.request.namespace());
                        parsedParts.add(parsed);
                        templates.computeIfAbsent(part.source(), src -> TemplateLines.of(Files.isDirectory(u.chart) ? templateOf(u, part) : null))
                                .rendered(parsed.resources());
                    }
                    for (int pi = 0; pi < r.parts().size(); pi++) {
                        ChartRenderer.Part part = r.parts().get(pi);
                        String file = partFile(u, part);
                        ManifestParser.Parsed parsed = parsedParts.get(pi);
                        TemplateLines lines = templates.get(part.source());
                        for (Resource parsedRes : parsed.resources()) {
                            Resource res = lines.place(parsedRes, file);
                            Optional<String> dropped = HelmHooks.droppedBecause(res.annotations());
                            if (dropped.isPresent()) {
                                u.skipped.add(new Skipped(res.ref().display() + " (" + file + ")", dropped.get()));
                            } else {
                                u.resources.add(u.application.isEmpty() ? res : res.withApplication(u.application));
                            }
                        }
                        for (LoadProblem p : parsed.problems()) {
                            u.problems.add(new LoadProblem("render-failed", file, 1, "rendered yaml is not valid: " + p.message()));
                        }
                    }
                    if (options.deep()) {
                        u.problems.addAll(ValuesTyping.check(r.defaultValues(), u.request.valuesFiles(), InputLoader.this::display));
                    }
                    countedFiles.add(u.shownFile);
                }
                case ChartRenderer.Failed f -> u.problems.add(new LoadProblem("render-failed", u.shownFile, 1, f.message()));
            }
        }

        /**
         * A temporary copy of the chart with its missing dependencies taken from the chart cache
         * (exact versions from a repository), as {@code helm dependency build} would vendor them; null
         * when one of them is not there.
         */
        Path vendored(Path chart, List<ChartDependencies.Dependency> missing) {
            List<Path> archives = new ArrayList<>();
            for (ChartDependencies.Dependency d : missing) {
                Optional<Path> archive = d.ref().flatMap(ref -> options.charts().chart(ref.repository(), ref.name(), ref.version()));
                if (archive.isEmpty()) {
                    return null;
                }
                archives.add(archive.get());
            }
            try {
                Path work = Files.createTempDirectory("strata-deps-");
                Path copy = work.resolve(chart.getFileName().toString());
                try (var files = Files.walk(chart)) {
                    for (Path f : files.toList()) {
                        Path to = copy.resolve(chart.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(f, to);
                        }
                    }
                }
                Files.createDirectories(copy.resolve("charts"));
                for (Path a : archives) {
                    Files.copy(a, copy.resolve("charts").resolve(a.getFileName().toString()));
                }
                return work;
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public void want(String repository, String chart, String version) {
            if (!repository.isBlank() && !chart.isBlank() && !version.isBlank() && !repository.startsWith("oci://$")) {
                wantedCharts.add(ChartRef.helm(repository, chart, version));
            }
        }

        /** Syntax errors (a duplicate key, a bad indent) in the values files a render reads, at their file and line. */
        List<LoadProblem> unreadableValues(Unit u) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(u.chart) && Files.isRegularFile(u.chart.resolve("values.yaml"))) {
                files.add(u.chart.resolve("values.yaml"));
            }
            files.addAll(u.request.valuesFiles());
            List<LoadProblem> out = new ArrayList<>();
            for (Path f : files) {
                try {
                    for (LoadProblem p : parser.parse(Files.readString(f), display(f), "", "").problems()) {
                        out.add(new LoadProblem("yaml-syntax", p.file(), p.line(), "values file of chart " + display(u.chart)
                                + " cannot be read by Helm: " + p.message()));
                    }
                } catch (IOException e) {
                    out.add(new LoadProblem("render-failed", display(f), 1, "values file cannot be read: " + e.getMessage()));
                }
            }
            return out;
        }

        /** The template file of a rendered part of a chart in the tree, if it is there. */
        Path templateOf(Unit u, ChartRenderer.Part part) {
            String source = part.source();
            int slash = source.indexOf('/');
            Path template = u.chart.resolve(slash < 0 ? source : source.substring(slash + 1));
            return Files.isRegularFile(template) ? template : null;
        }

        /** Where findings on a rendered object point: the template of a chart in the tree; the values file (what a person edits) for a chart from the cache. */
        String partFile(Unit u, ChartRenderer.Part part) {
            if (Files.isDirectory(u.chart)) {
                String source = part.source();
                int slash = source.indexOf('/');
                Path template = u.chart.resolve(slash < 0 ? source : source.substring(slash + 1));
                // a dependency taken from the chart cache has no file in the tree: the Chart.yaml declaring it
                return display(Files.exists(template) ? template : u.chart.resolve("Chart.yaml"));
            }
            return u.shownFile;
        }

        /**
         * Renders the charts waiting: first those that never ask for API versions (their CRDs join what
         * is known), then those that ask, with the API versions of every CRD known so far and of every
         * pending chart's crds/ folders — so that a chart is rendered once, not again with more known.
         */
        void renderPending() {
            if (pending.isEmpty()) {
                return;
            }
            List<Unit> asking = new ArrayList<>();
            Set<String> fromArchives = new TreeSet<>();
            for (Unit u : pending) {
                ChartRenderer.Scan scan = charts.scan(u.chart);
                fromArchives.addAll(scan.crdApiVersions());
                if (scan.asksApiVersions()) {
                    asking.add(u);
                } else {
                    renderUnit(u);
                }
            }
            pending.clear();
            if (asking.isEmpty()) {
                return;
            }
            Set<String> versions = new TreeSet<>(apiVersions());
            versions.addAll(fromArchives);
            for (Unit u : asking) {
                u.request = u.request.withApiVersions(versions);
                renderUnit(u);
            }
        }

        /** Renders again, with every CRD's API versions, the charts that ask for API versions. */
        void rerenderWithApiVersions() {
            for (int pass = 0; pass < 2; pass++) {
                Set<String> versions = apiVersions();
                boolean changed = false;
                for (Unit u : List.copyOf(units.values())) {
                    if (u.asks.affectedBy(u.request.apiVersions(), versions)) {
                        u.request = u.request.withApiVersions(versions);
                        renderUnit(u);
                        changed = true;
                    }
                }
                if (!changed) {
                    return;
                }
            }
        }

        /** {@code group/version} and {@code group/version/Kind} of every CRD loaded so far, as Argo CD passes them. */
        Set<String> apiVersions() {
            Set<String> out = new TreeSet<>();
            List<Resource> all = new ArrayList<>(resources);
            units.values().forEach(u -> all.addAll(u.resources));
            for (Resource r : all) {
                if (!r.is("apiextensions.k8s.io", "CustomResourceDefinition")) {
                    continue;
                }
                String group = r.spec().strOr("group", "");
                String kind = r.spec().path("names").map(n -> n.strOr("kind", "")).orElse("");
                for (YMap v : r.spec().maps("versions")) {
                    if (v.bool("served").orElse(true)) {
                        String gv = group + "/" + v.strOr("name", "");
                        out.add(gv);
                        out.add(gv + "/" + kind);
                    }
                }
            }
            return out;
        }

        /** Argo CD and Flux following live in {@link ArgoFollower} and {@link FluxFollower}; these are what they need of the load. */
        final ArgoFollower argo = new ArgoFollower(this);
        final FluxFollower flux = new FluxFollower(this);

        boolean followFlux(boolean force) {
            return flux.follow(force);
        }

        boolean expandApplicationSets() {
            return argo.expandApplicationSets();
        }

        boolean followApplications() {
            return argo.followApplications();
        }

        @Override
        public List<Resource> resources() {
            return resources;
        }

        @Override
        public void problem(LoadProblem p) {
            problems.add(p);
        }

        @Override
        public void skip(Skipped s) {
            skipped.add(s);
        }

        @Override
        public boolean follow(String key) {
            return followed.add(key);
        }

        @Override
        public boolean followed(String key) {
            return followed.contains(key);
        }

        @Override
        public SourceTree tree() {
            return tree;
        }

        @Override
        public String show(Path path) {
            return display(path);
        }

        @Override
        public FluxBuild builder() {
            return new FluxBuild(kustomizer, parser, InputLoader.this::display);
        }

        @Override
        public Options options() {
            return options;
        }

        @Override
        public void renderInTree(Path chartDir, String shownFile, String origin, String application, ChartRenderer.Request request) {
            claimedCharts.add(chartDir);
            units.remove("helm:" + display(chartDir));
            renderUnit(new Unit(chartDir, shownFile, origin, application, request));
        }

        @Override
        public void renderFromCache(Path archive, String shownFile, String origin, String application, ChartRenderer.Request request) {
            pending.add(new Unit(archive, shownFile, origin, application, request));
        }

        @Override
        public Set<Path> walkedRoots() {
            return walkedRoots;
        }

        @Override
        public ManifestParser parser() {
            return parser;
        }

        @Override
        public boolean buildKustomization(Path dir, String application) {
            return build(dir, application);
        }

        @Override
        public void load(List<Path> files, String defaultNamespace, String application) {
            loadFiles(files, defaultNamespace, application);
        }
    }


    /** A platform.yaml is Strata's only when its apiVersion says so (read from its first 64 KiB); any other is loaded as YAML. */
    public static boolean strataSpec(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (var in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
            return Pattern.compile("(?m)^apiVersion:\\s*[\"']?strata\\.dev/").matcher(head).find();
        } catch (IOException e) {
            return false;
        }
    }

    /** The origin of objects in files of a kustomization's directory that it does not list. */
    public static final String UNLISTED = "unlisted:";

    private static boolean yaml(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** The kustomization file of a directory (kustomization.yaml, .yml or Kustomization), if it has one. */
    private static Optional<Path> kustomization(Path dir) {
        return KustomizationRefs.find(dir);
    }
}
