package dev.strata.cluster.verify.checks;

import dev.strata.cluster.verify.Check;
import dev.strata.cluster.verify.CheckResult;
import dev.strata.cluster.verify.CurlOutcome;
import dev.strata.cluster.verify.VerifyContext;

import java.util.Optional;

/**
 * From namespace strata-verify, which no NetworkPolicy of the app admits, a connection to the app
 * must not be made: a dropped SYN times out. Any answer — even a reset from a sidecar — means a
 * packet reached the pod.
 */
public final class NetworkPolicyDenies implements Check {

    @Override
    public String id() {
        return "network-policy-denies";
    }

    @Override
    public String title() {
        return "traffic the NetworkPolicies deny does not connect";
    }

    @Override
    public Optional<String> notApplicable(VerifyContext ctx) {
        boolean enforcing = ctx.facts().components().stream().anyMatch(rc -> rc.entry().capabilities().contains("network-policy"));
        return Applicability.first(enforcing ? Optional.empty() : Optional.of("no NetworkPolicy-enforcing CNI in the spec (e.g. cilium)"),
                Applicability.needsApp(ctx));
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        var t = ctx.target().orElseThrow();
        CurlOutcome o = ctx.curl("netpol", VerifyContext.PROBE_NAMESPACE, CurlOutcome.script("--connect-timeout 5 --max-time 8 " + t.serviceUrl("/health")),
                VerifyContext.outsideMeshLabels(), VerifyContext.outsideMeshAnnotations());
        return interpret(o, t.serviceUrl("/health"));
    }

    CheckResult interpret(CurlOutcome o, String url) {
        if (o.exit() == CurlOutcome.TIMEOUT) {
            return CheckResult.pass(this, "GET " + url + " from namespace " + VerifyContext.PROBE_NAMESPACE + ": " + o.describe() + ", the packets were dropped");
        }
        return CheckResult.fail(this, "GET " + url + " from namespace " + VerifyContext.PROBE_NAMESPACE + " reached the pod: " + o.describe());
    }
}
