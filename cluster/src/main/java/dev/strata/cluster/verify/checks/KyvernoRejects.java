package dev.strata.cluster.verify.checks;

import dev.strata.cluster.verify.Check;
import dev.strata.cluster.verify.CheckResult;
import dev.strata.cluster.verify.VerifyContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Pod that breaks the baseline Enforce policies (privileged, image without a pinned tag,
 * no resources) is created with a server-side dry run: admission must reject it, and the
 * rejection must come from Kyverno's webhook — not, say, Pod Security admission.
 */
public final class KyvernoRejects implements Check {

    @Override
    public String id() {
        return "kyverno-enforce-rejects";
    }

    @Override
    public String title() {
        return "a Pod that violates a Kyverno Enforce policy is rejected at admission";
    }

    @Override
    public Optional<String> notApplicable(VerifyContext ctx) {
        return Applicability.needsComponent(ctx, "kyverno", "Kyverno");
    }

    static Map<String, Object> violatingPod(String namespace) {
        return Map.of("apiVersion", "v1", "kind", "Pod",
                "metadata", Map.of("name", "strata-verify-violator", "namespace", namespace),
                "spec", Map.of("containers", List.of(Map.of("name", "bad", "image", "busybox:latest",
                        "securityContext", Map.of("privileged", true, "allowPrivilegeEscalation", true)))));
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        String ns = ctx.target().map(VerifyContext.Target::namespace).orElse("default");
        return interpret(ctx.kube().admissionRejection(violatingPod(ns)), ns);
    }

    CheckResult interpret(Optional<String> rejection, String ns) {
        if (rejection.isEmpty()) {
            return CheckResult.fail(this, "a privileged pod with image busybox:latest was admitted into namespace " + ns + " (dry run)");
        }
        if (rejection.get().toLowerCase().contains("kyverno")) {
            return CheckResult.pass(this, "rejected: " + rejection.get());
        }
        return CheckResult.fail(this, "rejected, but not by Kyverno: " + rejection.get());
    }
}
