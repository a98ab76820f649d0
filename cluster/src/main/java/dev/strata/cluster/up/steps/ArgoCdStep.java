package dev.strata.cluster.up.steps;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.helm.HelmRelease;
import dev.strata.cluster.up.Step;
import dev.strata.cluster.up.UpContext;

import java.util.List;

/**
 * Installs Argo CD once with Helm and the rendered bootstrap values (which carry the Application
 * health check that makes sync waves wait); from then on its own Application manages it.
 */
public final class ArgoCdStep implements Step {

    @Override
    public String id() {
        return "argocd";
    }

    @Override
    public String title(UpContext ctx) {
        return "Installing Argo CD";
    }

    @Override
    public String fingerprint(UpContext ctx) {
        return HelmSteps.fingerprint(releases(ctx));
    }

    @Override
    public String execute(UpContext ctx) {
        List<HelmRelease> rs = releases(ctx);
        rs.forEach(r -> HelmSteps.install(ctx, r));
        return rs.getFirst().chart() + " " + rs.getFirst().version();
    }

    private static List<HelmRelease> releases(UpContext ctx) {
        return ctx.facts().component("argo-cd").map(rc -> HelmSteps.releases(ctx, rc))
                .orElseThrow(() -> new ClusterException("the spec does not enable argo-cd; up needs it to sync the tree (add argo-cd: {} under spec.components)"));
    }
}
