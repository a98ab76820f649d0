package dev.strata.render.config;

import dev.strata.catalog.PodSecurity;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.facts.MeshMode;
import dev.strata.render.RenderContext;

import java.util.List;
import java.util.Optional;

/**
 * The Pod Security Admission level each rendered namespace enforces: the loosest level any of its
 * components needs (catalog {@code podSecurity}), and for app namespaces what the mesh injects.
 */
final class PodSecurityLevels {

    static final String KEY = "pod-security.kubernetes.io/";

    private PodSecurityLevels() {
    }

    /** One component's need, with its id so the namespace can say who needs it. */
    record Need(String component, PodSecurity podSecurity) {
    }

    /** The loosest need among the components installed into {@code namespace}; ties go to the first (sorted) id. */
    static Need platform(RenderContext ctx, String namespace) {
        List<String> ids = ctx.facts().platformNamespaces().getOrDefault(namespace, List.of());
        Need loosest = null;
        for (String id : ids) {
            ResolvedComponent rc = ctx.facts().component(id).orElseThrow();
            Need n = new Need(id, rc.entry().podSecurityIn(rc.mode()));
            if (loosest == null || n.podSecurity().looserThan(loosest.podSecurity())) {
                loosest = n;
            }
        }
        if (loosest == null) {
            throw new IllegalArgumentException("no component installs into namespace " + namespace);
        }
        return loosest;
    }

    /** What the mesh's injected containers need in app namespaces; empty when restricted suffices. */
    static Optional<Need> mesh(RenderContext ctx) {
        MeshMode mode = ctx.facts().meshMode();
        String id = switch (mode) {
            case ISTIO_SIDECAR, ISTIO_AMBIENT -> "istio";
            case LINKERD -> "linkerd";
            case NONE -> "";
        };
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String key = mode == MeshMode.ISTIO_AMBIENT ? "ambient" : "sidecar";
        return Optional.ofNullable(ctx.facts().component(id).orElseThrow().entry().meshPodSecurity().get(key))
                .filter(p -> p.looserThan(PodSecurity.DEFAULT))
                .map(p -> new Need(id, p));
    }

    /** {@code v1.34} from {@code v1.34.0}: the policy version Pod Security Admission evaluates. */
    static String version(RenderContext ctx) {
        String v = ctx.spec().cluster().kubernetesVersion();
        String[] parts = (v.startsWith("v") ? v.substring(1) : v).split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("kubernetesVersion " + v + " has no minor version; expected vMAJOR.MINOR.PATCH");
        }
        return "v" + parts[0] + "." + parts[1];
    }
}
