package dev.strata.check.load;

import dev.strata.check.InputError;
import dev.strata.check.ObjectRef;
import dev.strata.check.Skipped;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.SourceTree;
import dev.strata.check.yaml.YMap;
import dev.strata.check.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads input paths into objects: plain YAML files, Kustomize directories (built by a
 * {@link Kustomizer}), Helm charts (rendered by a {@link ChartRenderer}) and the paths that Argo CD
 * Applications in the tree point to. Binary and non-YAML files are skipped and counted; a
 * {@code platform.yaml} is detected and handed on, not loaded.
 */
public final class InputLoader {


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
        return new Session(SourceTree.around(inputs)).run(inputs);
    }

    /** Display form of a path: relative to the base directory when below it, '/'-separated. */
    public String display(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path shown = abs.startsWith(baseDir) ? baseDir.relativize(abs) : abs;
        String s = shown.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /** What the default rendering of a chart reported, to withdraw when an Application renders it. */
    private record Recorded(List<LoadProblem> problems, List<Skipped> skipped) {
    }

    private final class Session {
        final SourceTree tree;
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
        final java.util.Map<Path, Recorded> defaultRenders = new java.util.HashMap<>();

        Session(SourceTree tree) {
            this.tree = tree;
        }

        LoadResult run(List<Path> inputs) {
            for (Path input : inputs) {
                Path abs = input.toAbsolutePath().normalize();
                if (!Files.exists(abs)) {
                    inputErrors.add(new InputError(display(abs), "path does not exist"));
                } else if (!Files.isReadable(abs)) {
                    inputErrors.add(new InputError(display(abs), "path is not readable"));
                } else if (Files.isDirectory(abs)) {
                    walk(abs, "");
                } else {
                    loadFiles(List.of(abs), "");
                }
            }
            for (int round = 0; round < 10; round++) {
                boolean changed = followApplications();
                for (Path chart : List.copyOf(pendingCharts)) {
                    if (!claimedCharts.contains(chart) && !defaultRenders.containsKey(chart)) {
                        int problemsBefore = problems.size();
                        int skippedBefore = skipped.size();
                        render(chart, ChartRenderer.Request.defaults(chart), "helm:" + display(chart));
                        defaultRenders.put(chart, new Recorded(List.copyOf(problems.subList(problemsBefore, problems.size())),
                                List.copyOf(skipped.subList(skippedBefore, skipped.size()))));
                        changed = true;
                    }
                }
                if (!changed) {
                    break;
                }
            }
            return new LoadResult(resources, countedFiles.size(), problems, skipped, inputErrors,
                    new ArrayList<>(platformFiles), tree);
        }

        void walk(Path root, String defaultNamespace) {
            walkedRoots.add(root);
            List<Path> files = new ArrayList<>();
            List<Path> chartDirs = new ArrayList<>();
            List<Path> kustomizeDirs = new ArrayList<>();
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
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
            for (Path dir : kustomizeDirs) {
                kustomization(dir).ifPresent(file -> KustomizationRefs.collect(file, consumed, referencedKustomizations));
            }
            List<Path> plain = new ArrayList<>();
            for (Path file : files) {
                if (!consumed.contains(file) && !kustomizeDirs.contains(file.getParent())) {
                    plain.add(file);
                }
            }
            loadFiles(plain, defaultNamespace);
            for (Path dir : kustomizeDirs) {
                if (!referencedKustomizations.contains(dir)) {
                    build(dir);
                }
            }
            pendingCharts.addAll(chartDirs);
        }

        void loadFiles(List<Path> files, String defaultNamespace) {
            List<Path> yaml = new ArrayList<>();
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.equals("platform.yaml") || name.equals("platform.yml")) {
                    platformFiles.add(file);
                } else if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
                    yaml.add(file);
                } else {
                    skipped.add(new Skipped(display(file), "not a yaml file"));
                }
            }
            ManifestFileReader reader = new ManifestFileReader(parser);
            List<ManifestFileReader.Outcome> outcomes = yaml.size() > 64
                    ? yaml.parallelStream().map(f -> reader.read(f, display(f), defaultNamespace)).toList()
                    : yaml.stream().map(f -> reader.read(f, display(f), defaultNamespace)).toList();
            for (int i = 0; i < outcomes.size(); i++) {
                ManifestFileReader.Outcome o = outcomes.get(i);
                resources.addAll(o.resources());
                problems.addAll(o.problems());
                o.skipped().ifPresent(skipped::add);
                if (!o.resources().isEmpty() || !o.problems().isEmpty()) {
                    countedFiles.add(display(yaml.get(i)));
                }
            }
        }

        void build(Path dir) {
            String shown = display(dir);
            String kfile = display(kustomization(dir).orElse(dir));
            Optional<String> network = KustomizationRefs.needsNetwork(dir);
            if (network.isPresent()) {
                skipped.add(new Skipped(shown, "kustomize directory not built: building it needs the network ("
                        + network.get() + ")"));
                return;
            }
            switch (kustomizer.build(dir)) {
                case Kustomizer.Built built -> {
                    ManifestParser.Parsed parsed = parser.parse(built.yaml(), kfile, "kustomize:" + shown, "");
                    resources.addAll(parsed.resources());
                    for (LoadProblem p : parsed.problems()) {
                        problems.add(new LoadProblem("render-failed", kfile, 1,
                                "kustomize build output is not valid yaml: " + p.message()));
                    }
                    countedFiles.add(kfile);
                }
                case Kustomizer.Unavailable u -> skipped.add(new Skipped(shown, "kustomize directory not built: "
                        + u.reason()));
                case Kustomizer.Failed f -> problems.add(new LoadProblem("render-failed", kfile, 1, f.message()));
            }
        }

        void render(Path chart, ChartRenderer.Request request, String origin) {
            String shown = display(chart);
            List<String> missing = ChartDependencies.missing(chart);
            if (!missing.isEmpty()) {
                skipped.add(new Skipped(shown, "chart dependencies are not vendored in charts/ (" + String.join(", ", missing)
                        + "); run helm dependency build to check it offline"));
                return;
            }
            Optional<String> lookup = LookupDetector.find(chart);
            if (lookup.isPresent()) {
                skipped.add(new Skipped(shown, "chart calls lookup (" + lookup.get()
                        + "); rendering it could contact a cluster, so it is not rendered"));
                return;
            }
            switch (charts.render(chart, request)) {
                case ChartRenderer.Rendered r -> {
                    HelmOutput.split(r.yaml(), display(chart.resolve("Chart.yaml")),
                            template -> display(chart.resolve(template))).forEach(part -> {
                                ManifestParser.Parsed parsed = parser.parse(part.yaml(), part.file(), origin,
                                        request.namespace());
                                resources.addAll(parsed.resources());
                                for (LoadProblem p : parsed.problems()) {
                                    problems.add(new LoadProblem("render-failed", part.file(), 1,
                                            "rendered yaml is not valid: " + p.message()));
                                }
                            });
                    countedFiles.add(display(chart.resolve("Chart.yaml")));
                }
                case ChartRenderer.Failed f ->
                        problems.add(new LoadProblem("render-failed", display(chart.resolve("Chart.yaml")), 1,
                                f.message()));
            }
        }

        /** Follows every Application not followed yet; true when something new was loaded. */
        boolean followApplications() {
            boolean changed = false;
            for (Resource app : List.copyOf(resources)) {
                if (!app.is("argoproj.io", "Application")) {
                    continue;
                }
                for (YMap source : ArgoSources.of(app)) {
                    changed |= follow(app, source);
                }
            }
            return changed;
        }

        boolean follow(Resource app, YMap source) {
            Optional<String> path = source.str("path");
            if (path.isEmpty() || source.has("chart")) {
                return false;
            }
            Optional<Path> resolved = tree.resolve(path.get());
            if (resolved.isEmpty() || !Files.isDirectory(resolved.get())) {
                return false;
            }
            Path dir = resolved.get();
            String key = app.namespace() + "/" + app.name() + "@" + dir;
            if (!followed.add(key)) {
                return false;
            }
            String namespace = app.spec().path("destination").flatMap(d -> d.str("namespace")).orElse("");
            if (Files.isRegularFile(dir.resolve("Chart.yaml"))) {
                ChartRenderer.Request request = helmRequest(app, source, dir, namespace);
                String defaultOrigin = "helm:" + display(dir);
                claimedCharts.add(dir);
                Recorded previous = defaultRenders.remove(dir);
                if (previous != null) {
                    resources.removeIf(r -> r.origin().equals(defaultOrigin));
                    problems.removeAll(previous.problems());
                    skipped.removeAll(previous.skipped());
                }
                render(dir, request, defaultOrigin + "@" + app.name());
                return true;
            }
            boolean inside = walkedRoots.stream().anyMatch(dir::startsWith);
            if (!inside) {
                walk(dir, namespace);
                return true;
            }
            if (!namespace.isEmpty()) {
                String prefix = display(dir) + "/";
                resources.replaceAll(r -> r.namespace().isEmpty() && !Kinds.clusterScoped(r.kind())
                        && r.origin().startsWith("file:") && r.file().startsWith(prefix)
                        ? withNamespace(r, namespace) : r);
            }
            return false;
        }

        Resource withNamespace(Resource r, String namespace) {
            ObjectRef ref = new ObjectRef(r.apiVersion(), r.kind(), namespace, r.name());
            return new Resource(ref, r.root(), r.file(), r.line(), r.origin());
        }

        ChartRenderer.Request helmRequest(Resource app, YMap source, Path chart, String namespace) {
            YMap helm = source.map("helm").orElse(YMap.empty());
            List<Path> values = new ArrayList<>();
            for (String v : helm.strings("valueFiles")) {
                Path p = chart.resolve(v).normalize();
                if (Files.isRegularFile(p)) {
                    values.add(p);
                } else {
                    skipped.add(new Skipped(display(p), "values file of Application " + app.name()
                            + " is not in the checked tree"));
                }
            }
            Optional<String> inline = helm.str("values");
            if (inline.isEmpty() && helm.get("valuesObject").isPresent()) {
                inline = Optional.of(YamlWriter.write(helm.get("valuesObject").get()));
            }
            String release = helm.str("releaseName").orElse(app.name());
            return new ChartRenderer.Request(release, namespace.isEmpty() ? "default" : namespace, values, inline);
        }
    }

    private static Optional<Path> kustomization(Path dir) {
        return KustomizationRefs.find(dir);
    }

}
