package dev.strata.cluster.verify;

import java.util.Optional;

/** One live proof. A check that does not apply to the spec says why, and is skipped — never passed. */
public interface Check {

    String id();

    String title();

    /** Why this check does not apply (no mesh, no Kyverno, no apps), if it does not. */
    Optional<String> notApplicable(VerifyContext ctx);

    CheckResult run(VerifyContext ctx);
}
