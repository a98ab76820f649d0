package dev.strata.cluster.ops;

import dev.strata.cluster.Backoff;
import dev.strata.cluster.ClusterException;
import dev.strata.cluster.Seams;
import dev.strata.cluster.kube.Kube;
import dev.strata.cluster.kube.ResourceRef;
import dev.strata.cluster.up.Provisioner;
import dev.strata.cluster.up.steps.GitSourceStep;
import dev.strata.spec.PlatformSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code strata down}. A kind or Talos cluster Strata created is deleted whole. In an existing
 * cluster, what {@code up} installed is removed in reverse order: the root Application (its
 * finalizer prunes every child and their resources), the bootstrap AppProject, Gitea, Argo CD,
 * and the CNI only when it was Strata's to install — never the cluster itself.
 */
public final class Teardown {

    private final Seams seams;

    public Teardown(Seams seams) {
        this.seams = seams;
    }

    /** The actions, in order, as the user will see them (also what the confirmation lists). */
    public List<String> plan(PlatformSpec spec) {
        Provisioner p = Provisioner.of(spec, seams.runner());
        if (p.owned()) {
            return List.of("delete the " + p.describe() + " (every node container, all data in it)");
        }
        List<String> out = new ArrayList<>(List.of(
                "delete Application argocd/root (Argo CD prunes every Application under it and their resources)",
                "delete AppProject argocd/bootstrap"));
        if (spec.git().inCluster()) {
            out.add("uninstall Helm release gitea from namespace gitea (and its Secret gitea-admin)");
        }
        out.add("uninstall Helm release argocd from namespace argocd");
        return out;
    }

    /** Argo CD must still run while the root's finalizer prunes its children, so Argo CD goes only after the root is gone. */
    private void awaitGone(Kube kube, ResourceRef ref) {
        var start = seams.ticker().now();
        var backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(15));
        while (kube.get(ref).isPresent()) {
            if (Duration.between(start, seams.ticker().now()).compareTo(PRUNE_TIMEOUT) >= 0) {
                throw new ClusterException(ref + " is still there after " + PRUNE_TIMEOUT.toMinutes() + " minutes; Argo CD has not finished pruning "
                        + "(kubectl -n argocd get applications shows what is left); Argo CD was left installed");
            }
            seams.ticker().sleep(backoff.next());
        }
    }

    static final Duration PRUNE_TIMEOUT = Duration.ofMinutes(10);

    public void run(PlatformSpec spec, boolean yes, PrintWriter out) {
        List<String> actions = plan(spec);
        if (!yes) {
            out.println("strata down will:");
            actions.forEach(a -> out.println("  - " + a));
            out.flush();
            if (!seams.confirm().ask("Go ahead?")) {
                throw new ClusterException("not confirmed: nothing was deleted; run with --yes to skip the question (needed when there is no terminal)");
            }
        }
        Provisioner p = Provisioner.of(spec, seams.runner());
        if (p.owned()) {
            if (!p.exists()) {
                out.println("The " + p.describe() + " does not exist; nothing to delete.");
                return;
            }
            p.delete();
            out.println("Deleted the " + p.describe() + ".");
            return;
        }
        Kube kube = seams.kubes().apply(p.kubeContext());
        ResourceRef root = new ResourceRef("argoproj.io/v1alpha1", "Application", "argocd", "root");
        kube.delete(root);
        awaitGone(kube, root);
        out.println("Deleted Application argocd/root and everything under it.");
        kube.delete(new ResourceRef("argoproj.io/v1alpha1", "AppProject", "argocd", "bootstrap"));
        out.println("Deleted AppProject argocd/bootstrap.");
        if (spec.git().inCluster()) {
            seams.helms().apply(p.kubeContext()).uninstall("gitea", GitSourceStep.GITEA_NAMESPACE);
            kube.delete(new ResourceRef("v1", "Secret", GitSourceStep.GITEA_NAMESPACE, GitSourceStep.GITEA_SECRET));
            out.println("Uninstalled gitea.");
        }
        seams.helms().apply(p.kubeContext()).uninstall("argocd", "argocd");
        out.println("Uninstalled argocd. The cluster itself is yours and stays.");
    }
}
