package dev.strata.cluster.up;

import dev.strata.catalog.Tool;
import dev.strata.cluster.ClusterException;
import dev.strata.cluster.Seams;
import dev.strata.cluster.helm.HelmRelease;
import dev.strata.cluster.kube.Kube;
import dev.strata.plan.Plan;
import dev.strata.plan.PlannedRelease;
import dev.strata.plan.Planner;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.capacity.Scenario;
import dev.strata.render.RenderException;
import dev.strata.render.RenderedTree;
import dev.strata.render.Renderer;
import dev.strata.spec.PlatformSpec;
import dev.strata.spec.Provider;
import dev.strata.yaml.Yaml;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything a step may use: the spec, its render, the seams, the options and what earlier steps found. */
public final class UpContext {

    private final PlatformSpec spec;
    private final Path specDir;
    private final Seams seams;
    private final UpOptions options;
    private final UpState state;
    private final Progress progress;
    private final Provisioner provisioner;
    private Plan plan;
    private RenderedTree tree;
    private Kube kube;

    public UpContext(PlatformSpec spec, Path specDir, Seams seams, UpOptions options, UpState state, Progress progress) {
        this.spec = spec;
        this.specDir = specDir.toAbsolutePath();
        this.seams = seams;
        this.options = options;
        this.state = state;
        this.progress = progress;
        this.provisioner = provisioner(spec, seams);
    }

    public static Provisioner provisioner(PlatformSpec spec, Seams seams) {
        return switch (spec.cluster().provider()) {
            case KIND -> new KindProvisioner(seams.runner(), spec.cluster().name());
            case TALOS -> new TalosProvisioner(seams.runner(), spec.cluster().name());
            case EXISTING -> new ExistingProvisioner();
        };
    }

    public PlatformSpec spec() {
        return spec;
    }

    public Path specDir() {
        return specDir;
    }

    public Seams seams() {
        return seams;
    }

    public UpOptions options() {
        return options;
    }

    public UpState state() {
        return state;
    }

    public Progress progress() {
        return progress;
    }

    public Provisioner provisioner() {
        return provisioner;
    }

    public Plan plan() {
        if (plan == null) {
            plan = new Planner(seams.catalog()).plan(spec, Scenario.REPLICAS);
        }
        return plan;
    }

    public RenderedTree tree() {
        if (tree == null) {
            try {
                tree = new Renderer(seams.catalog(), dev.strata.render.Generators.all()).render(spec);
            } catch (RenderException e) {
                throw new ClusterException("the platform does not render (see strata plan)", e.problems());
            }
        }
        return tree;
    }

    /** The client for the cluster's context, made on first use (after the cluster exists). */
    public Kube kube() {
        if (kube == null) {
            kube = seams.kubes().apply(provisioner.kubeContext());
        }
        return kube;
    }

    /** Helm bound to the cluster's context. */
    public dev.strata.cluster.helm.Helm helm() {
        return seams.helms().apply(provisioner.kubeContext());
    }

    /** The cluster tool pinned in the catalog (kind, talosctl); empty for an existing cluster. */
    public Optional<Tool> clusterTool() {
        return clusterTool(spec, seams);
    }

    public static Optional<Tool> clusterTool(PlatformSpec spec, Seams seams) {
        return switch (spec.cluster().provider()) {
            case KIND -> seams.catalog().get("kind").tools().stream().findFirst();
            case TALOS -> seams.catalog().get("talos").tools().stream().findFirst();
            case EXISTING -> Optional.empty();
        };
    }

    public Optional<String> talosImage() {
        return spec.cluster().provider() == Provider.TALOS ? clusterTool().map(t -> t.images().get("talos")) : Optional.empty();
    }

    /** The enabled component with a capability (cni, git-server, ...), if any. */
    public Optional<ResolvedComponent> withCapability(String capability) {
        return plan().components().stream().filter(rc -> rc.entry().capabilities().contains(capability)).findFirst();
    }

    public Optional<ResolvedComponent> component(String id) {
        return plan().components().stream().filter(rc -> rc.id().equals(id)).findFirst();
    }

    /** The Helm releases of a component, each with the values the plan computed (those its values.yaml holds). */
    public List<HelmRelease> helmReleases(ResolvedComponent rc) {
        return plan().releases().stream().filter(pr -> pr.componentId().equals(rc.id()) && pr.source().helm())
                .map(UpContext::helmRelease).toList();
    }

    public static HelmRelease helmRelease(PlannedRelease pr) {
        return new HelmRelease(pr.name(), pr.namespace(), pr.source().repository(), pr.source().chart().orElseThrow(),
                pr.source().version(), Yaml.dump(pr.values()));
    }

    /** The Argo CD Applications the tree defines (the root and every child), by name. */
    public List<String> applicationNames() {
        return tree().files().entrySet().stream()
                .filter(e -> e.getKey().startsWith("argocd/") || e.getKey().equals("bootstrap/root.yaml"))
                .filter(e -> e.getKey().endsWith(".yaml"))
                .flatMap(e -> Manifests.parse(e.getValue()).stream())
                .filter(o -> "Application".equals(o.get("kind")))
                .map(o -> String.valueOf(((Map<?, ?>) o.get("metadata")).get("name")))
                .toList();
    }

    /** The Applications of the tree that read the rendered repository (as their source or values), by name. */
    @SuppressWarnings("unchecked")
    public java.util.Set<String> applicationsReadingRepository() {
        String repo = plan().facts().repoUrl();
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        tree().files().forEach((path, content) -> {
            if (!(path.startsWith("argocd/") || path.equals("bootstrap/root.yaml")) || !path.endsWith(".yaml")) {
                return;
            }
            for (Map<String, Object> o : Manifests.parse(content)) {
                if (!"Application".equals(o.get("kind"))) {
                    continue;
                }
                Map<String, Object> s = (Map<String, Object>) o.getOrDefault("spec", Map.of());
                List<Object> sources = new java.util.ArrayList<>();
                if (s.get("source") != null) {
                    sources.add(s.get("source"));
                }
                if (s.get("sources") instanceof List<?> l) {
                    sources.addAll(l);
                }
                if (sources.stream().anyMatch(x -> x instanceof Map<?, ?> m && repo.equals(m.get("repoURL")))) {
                    out.add(String.valueOf(((Map<?, ?>) o.get("metadata")).get("name")));
                }
            }
        });
        return out;
    }

    /**
     * The images the platform's pods run, as the prove step found them in the rendered charts; kept in
     * the state file, so that a later run whose prove step is unchanged still knows them.
     */
    public List<String> images() {
        return state.note(IMAGES).filter(s -> !s.isBlank()).map(s -> List.of(s.split(" "))).orElse(List.of());
    }

    public void images(List<String> images) {
        state.putNote(IMAGES, String.join(" ", images));
    }

    private static final String IMAGES = "images";
}
