package dev.strata.cluster.up.steps;

import dev.strata.cluster.helm.HelmRelease;
import dev.strata.cluster.up.Step;
import dev.strata.cluster.up.UpContext;

import java.util.List;
import java.util.Optional;

/**
 * The in-cluster git server when the spec names no remote, idpbuilder-style: the plan's {@code gitea}
 * release (the catalog's entry, sized and placed like any component, push-to-create on, SQLite on a
 * 1Gi volume) installed with Helm with exactly the values of its values.yaml, so that Argo CD adopts it
 * without a change. Its admin Secret comes from {@link SecretsStep}.
 */
public final class GitServerStep implements Step {

    @Override
    public String id() {
        return "git-server";
    }

    @Override
    public String title(UpContext ctx) {
        return "Installing the in-cluster git server (Gitea)";
    }

    @Override
    public Optional<String> notApplicable(UpContext ctx) {
        return ctx.spec().git().inCluster() ? Optional.empty() : Optional.of("the spec names a git remote (" + ctx.spec().git().url() + ")");
    }

    @Override
    public String fingerprint(UpContext ctx) {
        return HelmSteps.fingerprint(releases(ctx));
    }

    @Override
    public String execute(UpContext ctx) {
        List<HelmRelease> releases = releases(ctx);
        for (HelmRelease r : releases) {
            HelmSteps.install(ctx, r);
        }
        return releases.stream().map(r -> r.chart() + " " + r.version()).reduce((a, b) -> a + ", " + b).orElse("");
    }

    static List<HelmRelease> releases(UpContext ctx) {
        return ctx.facts().withCapability("git-server").map(rc -> HelmSteps.releases(ctx, rc)).orElse(List.of());
    }
}
