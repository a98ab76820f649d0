package dev.strata.cluster.up;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.Seams;
import dev.strata.cluster.helm.Helm;
import dev.strata.cluster.kube.Kube;
import dev.strata.plan.Plan;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import dev.strata.plan.facts.PlatformFacts;
import dev.strata.render.Generators;
import dev.strata.render.RenderException;
import dev.strata.render.RenderedTree;
import dev.strata.render.Renderer;
import dev.strata.spec.PlatformSpec;

import java.nio.file.Path;

/**
 * What a step is given, and no more (kind's {@code ActionContext}): the spec and where it lives, the
 * options, the progress display, the state of earlier runs, the provisioner, the plan with the
 * platform's facts, the rendered tree, and the seams through which everything else is reached —
 * a client for the cluster, Helm, git, processes, the clock.
 */
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
        this.provisioner = Provisioner.of(spec, seams.runner());
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

    /** What the plan knows about the platform: components, tiers, namespaces, endpoints, the repository's URL. */
    public PlatformFacts facts() {
        return plan().facts();
    }

    public RenderedTree tree() {
        if (tree == null) {
            try {
                tree = new Renderer(seams.catalog(), Generators.all()).render(spec);
            } catch (RenderException e) {
                throw new ClusterException("the platform does not render (see strata plan)", e.problems());
            }
        }
        return tree;
    }

    /** The Argo CD Applications of the rendered tree. */
    public TreeApplications applications() {
        return new TreeApplications(tree());
    }

    /** The client for the cluster's context, made on first use (after the cluster exists). */
    public Kube kube() {
        if (kube == null) {
            kube = seams.kubes().apply(provisioner.kubeContext());
        }
        return kube;
    }

    /** Helm bound to the cluster's context. */
    public Helm helm() {
        return seams.helms().apply(provisioner.kubeContext());
    }
}
