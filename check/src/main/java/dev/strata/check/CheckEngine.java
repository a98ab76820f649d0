package dev.strata.check;

import dev.strata.charts.ChartRef;
import dev.strata.check.admission.Admission;
import dev.strata.check.admission.PodSecurity;
import dev.strata.check.flows.FlowMatrix;
import dev.strata.check.flows.FlowReport;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.load.ChartRenderer;
import dev.strata.check.load.ChartSource;
import dev.strata.check.load.HelmJavaChartRenderer;
import dev.strata.check.load.InputLoader;
import dev.strata.check.load.Kustomizer;
import dev.strata.check.load.LoadProblem;
import dev.strata.check.load.LoadResult;
import dev.strata.check.load.ManifestParser;
import dev.strata.check.load.ProcessKustomizer;
import dev.strata.check.rule.ModelRule;
import dev.strata.check.rule.PodSecurityCheck;
import dev.strata.check.rule.Rule;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.admission.PodSecurityAdmissionRule;
import dev.strata.yaml.YamlLimits;
import dev.strata.yaml.tree.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Loads a tree into one graph and runs the selected rules over every object.
 *
 * <pre>{@code
 * CheckReport report = CheckEngine.builder().skip(List.of("missing-liveness-probe")).build()
 *         .check(List.of(Path.of(".")));
 * int exit = ExitCodes.of(report);
 * }</pre>
 */
public final class CheckEngine {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparing(Finding::rule)
            .thenComparing(f -> f.object().kind())
            .thenComparing(f -> f.object().namespace())
            .thenComparing(f -> f.object().name())
            .thenComparing(Finding::message);

    private final RuleRegistry registry;
    private final List<Rule> active;
    private final boolean admissionRuleActive;
    private final Severity threshold;
    private final Optional<ClusterModel> clusterModel;
    private final Optional<ClusterModelFactory> clusterModelFactory;
    private final Kustomizer kustomizer;
    private final ChartRenderer chartRenderer;
    private final Path baseDir;
    private final YamlLimits limits;
    private final boolean deep;
    private final ChartSource charts;
    private final String kubeVersion;

    private CheckEngine(Builder b) {
        this.registry = b.registry;
        Set<String> skip = new HashSet<>();
        for (String id : b.skip) {
            skip.add(registry.require(id).info().id());
        }
        List<Rule> selected = new ArrayList<>();
        if (b.only.isEmpty()) {
            selected.addAll(registry.rules());
        } else {
            for (String id : b.only) {
                selected.add(registry.require(id));
            }
        }
        this.active = selected.stream().filter(r -> !skip.contains(r.info().id())).toList();
        this.admissionRuleActive = active.stream().anyMatch(r -> r.info().id().equals(PodSecurityAdmissionRule.ID));
        this.threshold = b.threshold;
        this.clusterModel = b.clusterModel;
        this.clusterModelFactory = b.clusterModelFactory;
        this.kustomizer = b.kustomizer.orElseGet(ProcessKustomizer::fromEnvironment);
        this.chartRenderer = b.chartRenderer.orElseGet(() -> new HelmJavaChartRenderer(b.charts.renderCache()));
        this.baseDir = b.baseDir;
        this.limits = b.limits;
        this.deep = b.deep;
        this.charts = b.charts;
        this.kubeVersion = b.kubeVersion;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The rules that will run, in registry order. */
    public List<Rule> activeRules() {
        return active;
    }

    public RuleRegistry registry() {
        return registry;
    }

    /**
     * Checks the paths. Each directory holding a Strata platform.yaml is a platform of its own (its
     * tree, its cluster model) and is checked apart from the rest; the reports are merged.
     */
    public CheckReport check(List<Path> paths) {
        List<CheckReport> reports = eachRoot(paths, this::check);
        return reports.size() == 1 ? reports.getFirst() : CheckReport.merge(reports, ORDER);
    }

    /**
     * The charts from repositories a tree deploys — Argo CD chart sources (also those ApplicationSets
     * generate), Flux HelmReleases from a HelmRepository or OCIRepository, chart dependencies not
     * vendored — as {@code strata charts pull --tree} fetches them for {@code check --deep}.
     */
    public List<ChartRef> chartsOf(List<Path> paths) {
        List<Path> inputs = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        InputLoader loader = new InputLoader(kustomizer, chartRenderer, new YamlReader(limits), baseDir);
        return loader.load(inputs, new InputLoader.Options(false, charts, kubeVersion, Set.of())).charts();
    }

    /**
     * The flows the paths imply and whether each gets through (the connectivity model), loaded the
     * way {@link #check(List)} loads them; no rule runs.
     */
    public FlowReport flows(List<Path> paths) {
        List<FlowReport> reports = eachRoot(paths, (load, model) -> {
            Graphed g = graph(load, model);
            return new FlowReport(FlowMatrix.of(g.graph()).results(), g.load().inputErrors());
        });
        return FlowReport.merge(reports);
    }

    /** Each directory holding a platform.yaml is loaded apart, with its cluster model; then the rest. */
    private <T> List<T> eachRoot(List<Path> paths, BiFunction<LoadResult, Optional<ClusterModel>, T> then) {
        List<Path> inputs = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        Roots roots = Roots.find(inputs);
        List<T> out = new ArrayList<>();
        for (Path root : roots.platforms()) {
            out.add(loadRoot(List.of(root), Optional.of(Roots.platformFile(root)), Set.of(), then));
        }
        if (!roots.rest().isEmpty()) {
            out.add(loadRoot(roots.rest(), Optional.empty(), Set.copyOf(roots.platforms()), then));
        }
        return out;
    }

    private <T> T loadRoot(List<Path> inputs, Optional<Path> platformFile, Set<Path> excluded,
                           BiFunction<LoadResult, Optional<ClusterModel>, T> then) {
        InputLoader loader = new InputLoader(kustomizer, chartRenderer, new YamlReader(limits), baseDir);
        Optional<ClusterModel> model = clusterModel.or(() -> platformFile.flatMap(f -> clusterModelFactory.flatMap(m -> m.fromPlatformFile(f))));
        String kube = model.flatMap(ClusterModel::kubeVersion).orElse(kubeVersion);
        LoadResult load = loader.load(inputs, new InputLoader.Options(deep, charts, kube, excluded));
        return then.apply(load, model.isPresent() ? model : Optional.empty());
    }

    public CheckReport check(LoadResult load) {
        return check(load, Optional.empty());
    }

    /** The graph of what is deployed, with the cluster model and the files no kustomization lists. */
    private record Graphed(LoadResult load, Optional<ClusterModel> model, ResourceGraph graph, List<Resource> unlisted) {
    }

    private Graphed graph(LoadResult given, Optional<ClusterModel> known) {
        Optional<ClusterModel> model = known.or(() -> clusterModel).or(() -> clusterModelFactory.flatMap(f ->
                given.platformFiles().isEmpty() ? Optional.empty()
                        : f.fromPlatformFile(given.platformFiles().getFirst())));
        LoadResult load = model.map(m -> withDeclared(given, m)).orElse(given);
        Set<String> clusterNamespaces = model.flatMap(ClusterModel::podSecurity).map(d -> Set.copyOf(d.clusterNamespaces())).orElse(Set.of());
        // Files a kustomization's directory holds but does not list are not applied with it: judged on their own, outside the graph
        List<Resource> unlisted = load.resources().stream().filter(r -> r.origin().startsWith(InputLoader.UNLISTED)).toList();
        List<Resource> deployed = unlisted.isEmpty() ? load.resources()
                : load.resources().stream().filter(r -> !r.origin().startsWith(InputLoader.UNLISTED)).toList();
        return new Graphed(load, model, new ResourceGraph(deployed, load.tree(), clusterNamespaces), unlisted);
    }

    private CheckReport check(LoadResult given, Optional<ClusterModel> known) {
        Graphed graphed = graph(given, known);
        Optional<ClusterModel> model = graphed.model();
        LoadResult load = graphed.load();
        List<Resource> unlisted = graphed.unlisted();
        ResourceGraph graph = graphed.graph();
        List<Skipped> skipped = new ArrayList<>(load.skipped());
        List<Rule> runnable = new ArrayList<>();
        for (Rule rule : active) {
            if (rule.reportedByLoader()) {
                continue;
            }
            if (rule.needsClusterModel() && model.isEmpty()) {
                skipped.add(new Skipped("rule " + rule.info().id(), "needs a cluster model (platform.yaml); none given"));
                continue;
            }
            runnable.add(rule);
        }
        List<Finding> findings = new ArrayList<>();
        Set<String> activeIds = new HashSet<>();
        active.forEach(r -> activeIds.add(r.info().id()));
        for (LoadProblem p : load.problems()) {
            if (activeIds.contains(p.rule())) {
                Rule rule = registry.require(p.rule());
                findings.add(new Finding(p.rule(), rule.info().severity(), rule.info().category(), ObjectRef.NONE,
                        p.file(), p.line(), p.message(), rule.info().remediation()));
            }
        }
        List<ObjectOutcome> outcomes = (graph.all().size() > 256 ? graph.all().parallelStream() : graph.all().stream())
                .map(r -> checkObject(r, graph, model, runnable))
                .toList();
        for (ObjectOutcome o : outcomes) {
            findings.addAll(o.findings());
            skipped.addAll(o.skipped());
        }
        List<Rule> local = runnable.stream().filter(rule -> !rule.info().crossResource()).toList();
        for (Resource r : unlisted) {
            ObjectOutcome o = checkObject(r, graph, model, local);
            o.findings().forEach(f -> findings.add(new Finding(f.rule(), f.severity(), f.category(), f.object(), f.file(), f.line(),
                    f.message() + " (this file is in no kustomization of its directory)", f.remediation())));
            skipped.addAll(o.skipped());
        }
        model.ifPresent(m -> addModelFindings(m, graph, load, findings));
        List<Finding> kept = findings.stream().filter(f -> f.severity().atLeast(threshold)).sorted(ORDER).toList();
        int errors = (int) kept.stream().filter(f -> f.severity() == Severity.ERROR).count();
        Summary summary = new Summary(graph.all().size() + unlisted.size(), load.files(), errors, kept.size() - errors, skipped.size());
        return new CheckReport(kept, summary, skipped, load.inputErrors());
    }

    private record ObjectOutcome(List<Finding> findings, List<Skipped> skipped) {
    }

    private ObjectOutcome checkObject(Resource r, ResourceGraph graph, Optional<ClusterModel> model, List<Rule> rules) {
        Set<String> ignored = ignored(r);
        ObjectContext context = new ObjectContext(r, graph, model);
        PodSecurityVerdict verdict = null;
        for (Rule rule : rules) {
            RuleInfo info = rule.info();
            if (!info.covers(r.group(), r.kind()) || ignored.contains(info.id()) || ignored.contains("all")) {
                continue; // the rule declares the kinds it applies to: the engine dispatches
            }
            context.info = info;
            int before = context.findings.size();
            try {
                rule.check(r, context);
            } catch (RuntimeException e) {
                // A rule bug must not hide the other findings; it is reported, visibly, on the object.
                context.findings.add(new Finding(info.id(), Severity.WARNING, info.category(), r.ref(), r.file(), r.line(),
                        "internal error in rule " + info.id() + ": " + e, info.remediation()));
            }
            if (rule instanceof PodSecurityCheck psc && context.findings.size() > before) {
                if (verdict == null) {
                    verdict = PodSecurityVerdict.of(r, graph, model);
                }
                verdict.apply(psc, context.findings.subList(before, context.findings.size()), admissionRuleActive);
            }
        }
        if (r.origin().startsWith("chart:") || r.origin().startsWith("git:")) {
            context.findings.replaceAll(f -> f.severity() == Severity.ERROR && f.category().practice()
                    ? new Finding(f.rule(), Severity.WARNING, f.category(), f.object(), f.file(), f.line(),
                            f.message() + " (as the upstream chart ships it)", f.remediation())
                    : f);
        }
        return new ObjectOutcome(context.findings, context.skipped);
    }

    /**
     * The Pod Security level the object's namespace enforces decides the findings of the security rules
     * it covers (see {@link PodSecurityCheck}): refused there, they are left to pod-security-admission;
     * admitted at a looser level than the rule's, they become warnings naming the namespace's choice.
     */
    private record PodSecurityVerdict(Optional<PodSecurity.Level> level, boolean admitted, String namespace) {
        static PodSecurityVerdict of(Resource r, ResourceGraph graph, Optional<ClusterModel> model) {
            Optional<PodSecurity.Level> level = Admission.enforced(r.namespace(), graph, model);
            boolean admitted = level.isPresent() && graph.podTemplate(r).map(t -> PodSecurity.evaluate(t, level.get()).isEmpty()).orElse(true);
            return new PodSecurityVerdict(level, admitted, r.namespace());
        }

        void apply(PodSecurityCheck rule, List<Finding> found, boolean admissionRuleActive) {
            if (level.isEmpty()) {
                return;
            }
            if (!admitted) {
                if (admissionRuleActive) {
                    found.clear();
                }
                return;
            }
            if (level.get().compareTo(rule.forbiddenFrom()) < 0) {
                found.replaceAll(f -> new Finding(f.rule(), Severity.WARNING, f.category(), f.object(), f.file(), f.line(),
                        f.message() + " (admitted: namespace " + namespace + " enforces Pod Security " + level.get().label() + ")",
                        f.remediation()));
            }
        }
    }

    /** What the rules see of one object, reused from rule to rule: {@code info} is the rule running. */
    private static final class ObjectContext implements RuleContext {
        private final Resource r;
        private final ResourceGraph graph;
        private final Optional<ClusterModel> model;
        private final boolean plain;
        private final List<Finding> findings = new ArrayList<>(0);
        private final List<Skipped> skipped = new ArrayList<>(0);
        private RuleInfo info;

        ObjectContext(Resource r, ResourceGraph graph, Optional<ClusterModel> model) {
            this.r = r;
            this.graph = graph;
            this.model = model;
            this.plain = r.origin().startsWith("file:") || r.origin().startsWith(InputLoader.UNLISTED); // lines of the file itself
        }

        @Override
        public ResourceGraph graph() {
            return graph;
        }

        @Override
        public Optional<ClusterModel> clusterModel() {
            return model;
        }

        @Override
        public void report(String message) {
            report(r.line(), message, info.severity());
        }

        @Override
        public void report(int line, String message) {
            report(line, message, info.severity());
        }

        @Override
        public void report(int line, String message, Severity severity) {
            findings.add(new Finding(info.id(), severity, info.category(), r.ref(), r.file(),
                    plain ? line : r.placed() ? r.line() : 1, message, info.remediation()));
        }

        @Override
        public void skip(String reason) {
            skipped.add(new Skipped(r.ref().display() + " (" + r.file() + ")", reason));
        }
    }

    private static Set<String> ignored(Resource r) {
        Optional<String> value = r.annotation(Resource.IGNORE_ANNOTATION);
        if (value.isEmpty()) {
            return Set.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String part : value.get().split(",")) {
            if (!part.isBlank()) {
                ids.add(part.strip());
            }
        }
        return ids;
    }

    /** The objects the platform declares (what operators create) join the loaded ones, so every rule sees them. */
    private LoadResult withDeclared(LoadResult load, ClusterModel model) {
        if (model.declaredObjects().isEmpty()) {
            return load;
        }
        ManifestParser parser = new ManifestParser(new YamlReader(limits));
        List<Resource> all = new ArrayList<>(load.resources());
        List<LoadProblem> problems = new ArrayList<>(load.problems());
        for (ClusterModel.Declared d : model.declaredObjects()) {
            ManifestParser.Parsed parsed = parser.parse(d.yaml(), d.declaredIn(), "platform:" + d.createdBy(), "");
            all.addAll(parsed.resources());
            problems.addAll(parsed.problems());
        }
        return new LoadResult(all, load.files(), problems, load.skipped(), load.inputErrors(), load.platformFiles(), load.tree(), load.charts());
    }

    /** Runs the model rules once; a finding naming an object of the input is reported on it, else on platform.yaml. */
    private void addModelFindings(ClusterModel model, ResourceGraph graph, LoadResult load, List<Finding> out) {
        String file = load.platformFiles().isEmpty() ? "" : new InputLoader(kustomizer, chartRenderer,
                new YamlReader(limits), baseDir).display(load.platformFiles().getFirst());
        for (Rule rule : active) {
            if (!(rule instanceof ModelRule modelRule)) {
                continue;
            }
            RuleInfo info = rule.info();
            modelRule.checkModel(model, graph, (object, severity, message) -> {
                Optional<Resource> on = object.flatMap(o -> graph.findOne(o.kind(), o.namespace(), o.name()));
                out.add(on.map(r -> new Finding(info.id(), severity, info.category(), r.ref(), r.file(), r.plain() || r.placed() ? r.line() : 1, message, info.remediation()))
                        .orElseGet(() -> new Finding(info.id(), severity, info.category(), object.orElse(ObjectRef.NONE), file, 1, message, info.remediation())));
            });
        }
    }

    /** Configures an engine; every setting has a default. */
    public static final class Builder {
        private RuleRegistry registry;
        private final List<String> only = new ArrayList<>();
        private final List<String> skip = new ArrayList<>();
        private Severity threshold = Severity.WARNING;
        private Optional<ClusterModel> clusterModel = Optional.empty();
        private Optional<ClusterModelFactory> clusterModelFactory = Optional.empty();
        private Optional<Kustomizer> kustomizer = Optional.empty();
        private Optional<ChartRenderer> chartRenderer = Optional.empty();
        private Path baseDir = Path.of("").toAbsolutePath();
        private YamlLimits limits = YamlLimits.defaults();
        private boolean deep;
        private ChartSource charts = ChartSource.none();
        private String kubeVersion = InputLoader.DEFAULT_KUBE_VERSION;

        private Builder() {
        }

        /**
         * The deep check: Applications' charts from a Helm repository and directories of other git
         * repositories are rendered from {@code charts} (the chart cache), as Argo CD renders them.
         */
        public Builder deep(ChartSource charts) {
            this.deep = true;
            this.charts = Objects.requireNonNull(charts);
            return this;
        }

        /** The cluster's Kubernetes version when no cluster model gives it (charts are rendered for it). */
        public Builder kubeVersion(String version) {
            this.kubeVersion = Objects.requireNonNull(version);
            return this;
        }

        public Builder registry(RuleRegistry registry) {
            this.registry = Objects.requireNonNull(registry);
            return this;
        }

        /** Runs only these rules (--rule); empty means all. */
        public Builder rules(List<String> ids) {
            only.addAll(ids);
            return this;
        }

        /** Leaves these rules out (--skip). */
        public Builder skip(List<String> ids) {
            skip.addAll(ids);
            return this;
        }

        /** Keeps findings at or above this severity (default: warning, i.e. all). */
        public Builder threshold(Severity severity) {
            this.threshold = Objects.requireNonNull(severity);
            return this;
        }

        public Builder clusterModel(ClusterModel model) {
            this.clusterModel = Optional.of(model);
            return this;
        }

        /** Called with the platform.yaml found in the input when no model was given. */
        public Builder clusterModelFactory(ClusterModelFactory factory) {
            this.clusterModelFactory = Optional.of(factory);
            return this;
        }

        public Builder kustomizer(Kustomizer kustomizer) {
            this.kustomizer = Optional.of(kustomizer);
            return this;
        }

        public Builder chartRenderer(ChartRenderer renderer) {
            this.chartRenderer = Optional.of(renderer);
            return this;
        }

        /** Paths in findings are shown relative to this directory (default: the working directory). */
        public Builder baseDir(Path dir) {
            this.baseDir = dir.toAbsolutePath().normalize();
            return this;
        }

        public Builder yamlLimits(YamlLimits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        /** @throws CheckException when a rule id is unknown */
        public CheckEngine build() {
            if (registry == null) {
                registry = RuleRegistry.standard();
            }
            return new CheckEngine(this);
        }
    }
}
