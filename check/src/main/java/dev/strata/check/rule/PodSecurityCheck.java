package dev.strata.check.rule;

import dev.strata.check.admission.PodSecurity;

/**
 * A security rule whose finding is something a Pod Security level forbids (the level, in its
 * metadata). Where the pod's namespace enforces a level, that level decides: forbidden there, the
 * pod is refused and {@code pod-security-admission} reports it (this rule stays quiet, not to say it
 * twice); allowed there, the namespace declares the exception and the finding becomes a warning that
 * says so. Without an enforced level the rule reports as it is.
 */
public interface PodSecurityCheck {

    /** The lowest Pod Security level that forbids what the rule reports. */
    PodSecurity.Level forbiddenFrom();
}
