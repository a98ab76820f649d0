package dev.strata.cluster.up.steps;

import dev.strata.cluster.helm.HelmRelease;
import dev.strata.cluster.up.Step;
import dev.strata.cluster.up.UpContext;
import dev.strata.spec.Provider;

import java.util.List;
import java.util.Optional;

/**
 * Installs the CNI chart with its rendered values before Argo CD: the cluster is created without
 * a network (kind's disableDefaultCNI, Talos' cni none) and Argo CD's own pods need one. Argo CD
 * adopts the release later through its Application with the same values.
 */
public final class CniStep implements Step {

    @Override
    public String id() {
        return "cni";
    }

    @Override
    public String title(UpContext ctx) {
        return "Installing the CNI (" + ctx.facts().withCapability("cni").map(rc -> rc.entry().title()).orElse("none") + ")";
    }

    @Override
    public Optional<String> notApplicable(UpContext ctx) {
        if (ctx.facts().withCapability("cni").isEmpty()) {
            return Optional.of("the spec has no CNI component; the cluster's own network is used");
        }
        if (ctx.spec().cluster().provider() == Provider.EXISTING && !ctx.kube().nodes().isEmpty()
                && ctx.kube().nodes().stream().allMatch(n -> n.ready())) {
            return Optional.of("every node of the existing cluster is Ready, so it has a network already");
        }
        return Optional.empty();
    }

    @Override
    public String fingerprint(UpContext ctx) {
        return HelmSteps.fingerprint(releases(ctx));
    }

    @Override
    public String execute(UpContext ctx) {
        for (HelmRelease r : releases(ctx)) {
            HelmSteps.install(ctx, r);
        }
        return releases(ctx).stream().map(r -> r.chart() + " " + r.version()).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static List<HelmRelease> releases(UpContext ctx) {
        return ctx.facts().withCapability("cni").map(rc -> HelmSteps.releases(ctx, rc)).orElse(List.of());
    }
}
