package dev.strata.cluster.verify.checks;

import dev.strata.cluster.verify.Check;
import dev.strata.cluster.verify.CheckResult;
import dev.strata.cluster.verify.CurlOutcome;
import dev.strata.cluster.verify.VerifyContext;

import java.util.Map;
import java.util.Optional;

/**
 * A meshed pod in the app's namespace, running as service account {@code default} — an identity
 * the AuthorizationPolicy does not allow — calls the app over mTLS. Istio must answer 403.
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
                Map.of("app.kubernetes.io/managed-by", "strata"), Map.of("sidecar.istio.io/inject", "true"));
        return interpret(o, t.serviceUrl("/status"));
    }

    CheckResult interpret(CurlOutcome o, String url) {
        if (o.exit() == 0 && o.httpCode().orElse(0) == 403) {
            return CheckResult.pass(this, "GET " + url + " as service account default: HTTP 403" + (o.body().isEmpty() ? "" : " (" + o.body().lines().findFirst().orElse("") + ")"));
        }
        return CheckResult.fail(this, "GET " + url + " as service account default: " + o.describe() + "; expected HTTP 403 from the AuthorizationPolicy");
    }
}
