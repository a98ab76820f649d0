package dev.strata.cluster.verify.checks;

import dev.strata.cluster.verify.VerifyContext;

import java.util.Optional;

/** Shared reasons for a check not to apply. */
final class Applicability {

    private Applicability() {
    }

    static Optional<String> needsApp(VerifyContext ctx) {
        return ctx.target().isEmpty() ? Optional.of("the spec has no apps to send traffic to") : Optional.empty();
    }

    static Optional<String> needsComponent(VerifyContext ctx, String id, String what) {
        return ctx.spec().enabled(id) ? Optional.empty() : Optional.of("the spec has no " + what + " (" + id + " is not enabled)");
    }

    static Optional<String> needsIstio(VerifyContext ctx) {
        if (!ctx.spec().enabled("istio")) {
            return Optional.of(ctx.spec().enabled("linkerd") ? "Linkerd has no PeerAuthentication/AuthorizationPolicy; this check is Istio's"
                    : "the spec has no Istio mesh");
        }
        return Optional.empty();
    }

    @SafeVarargs
    static Optional<String> first(Optional<String>... reasons) {
        for (Optional<String> r : reasons) {
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }
}
