package dev.strata.check;

import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.load.ChartRenderer;
import dev.strata.check.load.HelmJavaChartRenderer;
import dev.strata.check.load.InputLoader;
import dev.strata.check.load.Kustomizer;
import dev.strata.check.load.LoadProblem;
import dev.strata.check.load.LoadResult;
import dev.strata.check.load.ProcessKustomizer;
import dev.strata.check.rule.Rule;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.yaml.YamlLimits;
import dev.strata.check.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
    private final Severity threshold;
    private final Optional<ClusterModel> clusterModel;
    private final Optional<ClusterModelFactory> clusterModelFactory;
    private final Kustomizer kustomizer;
    private final ChartRenderer chartRenderer;
    private final Path baseDir;
    private final YamlLimits limits;

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
        this.threshold = b.threshold;
        this.clusterModel = b.clusterModel;
        this.clusterModelFactory = b.clusterModelFactory;
        this.kustomizer = b.kustomizer.orElseGet(ProcessKustomizer::fromEnvironment);
        this.chartRenderer = b.chartRenderer.orElseGet(HelmJavaChartRenderer::new);
        this.baseDir = b.baseDir;
        this.limits = b.limits;
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

    public CheckReport check(List<Path> paths) {
        List<Path> inputs = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        InputLoader loader = new InputLoader(kustomizer, chartRenderer, new YamlReader(limits), baseDir);
        return check(loader.load(inputs));
    }

    public CheckReport check(LoadResult load) {
        ResourceGraph graph = new ResourceGraph(load.resources(), load.tree());
        Optional<ClusterModel> model = clusterModel.or(() -> clusterModelFactory.flatMap(f ->
                load.platformFiles().isEmpty() ? Optional.empty()
                        : f.fromPlatformFile(load.platformFiles().getFirst())));
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
        model.ifPresent(m -> addModelFindings(m, graph, load, findings));
        List<Finding> kept = findings.stream().filter(f -> f.severity().atLeast(threshold)).sorted(ORDER).toList();
        int errors = (int) kept.stream().filter(f -> f.severity() == Severity.ERROR).count();
        Summary summary = new Summary(graph.all().size(), load.files(), errors, kept.size() - errors, skipped.size());
        return new CheckReport(kept, summary, skipped, load.inputErrors());
    }

    private record ObjectOutcome(List<Finding> findings, List<Skipped> skipped) {
    }

    private ObjectOutcome checkObject(Resource r, ResourceGraph graph, Optional<ClusterModel> model, List<Rule> rules) {
        Set<String> ignored = ignored(r);
        ObjectContext context = new ObjectContext(r, graph, model);
        for (Rule rule : rules) {
            RuleInfo info = rule.info();
            if (ignored.contains(info.id()) || ignored.contains("all")) {
                continue;
            }
            context.info = info;
            try {
                rule.check(r, context);
            } catch (RuntimeException e) {
                // A rule bug must not hide the other findings; it is reported, visibly, on the object.
                context.findings.add(new Finding(info.id(), Severity.WARNING, info.category(), r.ref(), r.file(), r.line(),
                        "internal error in rule " + info.id() + ": " + e, info.remediation()));
            }
        }
        return new ObjectOutcome(context.findings, context.skipped);
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
            this.plain = r.origin().startsWith("file:");
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
                    plain ? line : 1, message, info.remediation()));
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

    /** Capacity findings of the model that name no object in the input are reported on the tree. */
    private void addModelFindings(ClusterModel model, ResourceGraph graph, LoadResult load, List<Finding> out) {
        Optional<Rule> rule = active.stream().filter(r -> r.info().id().equals("capacity-exceeds-tier")).findFirst();
        if (rule.isEmpty()) {
            return;
        }
        RuleInfo info = rule.get().info();
        String file = load.platformFiles().isEmpty() ? "" : new InputLoader(kustomizer, chartRenderer,
                new YamlReader(limits), baseDir).display(load.platformFiles().getFirst());
        for (ClusterModel.CapacityFinding cf : model.capacityFindings()) {
            boolean onObject = cf.object().isPresent() && graph.exists(cf.object().get().kind(),
                    cf.object().get().namespace(), cf.object().get().name());
            if (!onObject) {
                out.add(new Finding(info.id(), cf.severity(), info.category(), cf.object().orElse(ObjectRef.NONE),
                        file, 1, cf.message(), info.remediation()));
            }
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

        private Builder() {
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
