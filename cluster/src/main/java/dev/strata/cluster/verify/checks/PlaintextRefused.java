package dev.strata.cluster.verify.checks;

import dev.strata.cluster.verify.Check;
import dev.strata.cluster.verify.CheckResult;
import dev.strata.cluster.verify.CurlOutcome;
import dev.strata.cluster.verify.VerifyContext;

import java.util.Optional;

/**
 * STRICT mTLS: a pod without a sidecar, in the app's own namespace, sends plaintext HTTP to the app.
 * Temporary NetworkPolicies admit the probe (the namespace denies by default), so that what stops it
 * can only be the sidecar, which must reset the connection.
 */
public final class PlaintextRefused implements Check {

    @Override
    public String id() {
        return "mtls-plaintext-refused";
    }

    @Override
    public String title() {
        return "plaintext traffic into a STRICT-mTLS namespace is refused";
    }

    @Override
    public Optional<String> notApplicable(VerifyContext ctx) {
        return Applicability.first(Applicability.needsIstio(ctx), Applicability.needsApp(ctx));
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        var t = ctx.target().orElseThrow();
        CurlOutcome o = ctx.curl("plaintext", t.namespace(), CurlOutcome.script("--max-time 5 " + t.serviceUrl("/health")),
                VerifyContext.outsideMeshLabels(), VerifyContext.outsideMeshAnnotations(), true);
        return interpret(o, t.serviceUrl("/health"));
    }

    CheckResult interpret(CurlOutcome o, String url) {
        return switch (o.exit()) {
            case CurlOutcome.RESET, CurlOutcome.EMPTY_REPLY, CurlOutcome.REFUSED ->
                    CheckResult.pass(this, "plaintext GET " + url + " from outside the mesh: " + o.describe());
            case CurlOutcome.TIMEOUT -> CheckResult.fail(this, "plaintext GET " + url + ": " + o.describe()
                    + "; the packets were dropped before the sidecar could refuse them (a NetworkPolicy?), so STRICT mTLS was not observed");
            default -> CheckResult.fail(this, "plaintext GET " + url + " from outside the mesh was answered: " + o.describe());
        };
    }
}
