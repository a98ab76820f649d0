package dev.strata.render.cluster;

import dev.strata.plan.Resolver;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.Values;
import dev.strata.render.RenderContext;

/**
 * What the cluster itself must be created with, read from the enabled components: whether a
 * component replaces the default CNI, and whether one replaces kube-proxy.
 */
public final class ClusterFacts {

    public static final String CNI = "cni";
    public static final String KUBE_PROXY_REPLACEMENT = "kube-proxy-replacement";

    private ClusterFacts() {
    }

    /** A component brings its own CNI, so the provider's default one (kindnet, Flannel) must not be installed. */
    public static boolean replacesCni(RenderContext ctx) {
        return ctx.components().stream().anyMatch(rc -> Resolver.capabilities(rc).contains(CNI));
    }

    /**
     * A component replaces kube-proxy, so the provider must not install it. A component that
     * could replace it but is told not to ({@code kubeProxyReplacement: false}) does not count.
     */
    public static boolean replacesKubeProxy(RenderContext ctx) {
        return ctx.components().stream().anyMatch(rc -> Resolver.capabilities(rc).contains(KUBE_PROXY_REPLACEMENT) && !switchedOff(rc));
    }

    private static boolean switchedOff(ResolvedComponent rc) {
        return rc.releases().stream().anyMatch(r -> Values.get(rc.valuesOf(r), "kubeProxyReplacement")
                .map(v -> !Values.truthy(v)).orElse(false));
    }
}
