package dev.strata.cluster.verify.checks;

import dev.strata.cluster.verify.Check;
import dev.strata.cluster.verify.CheckResult;
import dev.strata.cluster.verify.CurlOutcome;
import dev.strata.cluster.verify.VerifyContext;
import dev.strata.plan.facts.MeshMode;

import java.util.Map;
import java.util.Optional;

/**
 * A meshed pod in the app's namespace, running as service account {@code default} — an identity
 * the AuthorizationPolicy does not allow — calls the app over mTLS, admitted by temporary
 * NetworkPolicies so that only the AuthorizationPolicy can refuse it. Istio must answer 403 (in
 * ambient mode without a waypoint, ztunnel denies at L4 and resets the connection instead).
 */
public final class AuthorizationDenied implements Check {

    @Override
    public String id() {
        return "authorization-denied";
    }

    @Override
    public String title() {
        return "an identity the AuthorizationPolicy does not allow gets 403";
    }

    @Override
    public Optional<String> notApplicable(VerifyContext ctx) {
        return Applicability.first(Applicability.needsIstio(ctx), Applicability.needsApp(ctx));
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        var t = ctx.target().orElseThrow();
        CurlOutcome o = ctx.curl("authz", t.namespace(), CurlOutcome.script("--max-time 8 " + t.serviceUrl("/status")),
                Map.of("app.kubernetes.io/managed-by", "strata"), Map.of("sidecar.istio.io/inject", "true"), true);
        return interpret(o, t.serviceUrl("/status"), ctx.facts().meshMode() == MeshMode.ISTIO_AMBIENT);
    }

    /** @param ambient in ambient mode without a waypoint, ztunnel enforces the policy at L4: the connection is reset instead of a 403 */
    CheckResult interpret(CurlOutcome o, String url, boolean ambient) {
        if (ambient && (o.exit() == CurlOutcome.RESET || o.exit() == CurlOutcome.EMPTY_REPLY)) {
            return CheckResult.pass(this, "GET " + url + " as service account default: " + o.describe() + " (ztunnel's L4 deny; no waypoint answers 403)");
        }
        if (o.exit() == 0 && o.httpCode().orElse(0) == 403) {
            return CheckResult.pass(this, "GET " + url + " as service account default: HTTP 403" + (o.body().isEmpty() ? "" : " (" + o.body().lines().findFirst().orElse("") + ")"));
        }
        return CheckResult.fail(this, "GET " + url + " as service account default: " + o.describe() + "; expected HTTP 403 from the AuthorizationPolicy");
    }
}
