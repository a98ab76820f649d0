package dev.strata.cluster.up;

import java.util.Optional;

/**
 * One step of {@code up}: small, idempotent, and told everything through the context.
 *
 * <p>{@link #fingerprint} has no default, on purpose. The pipeline skips a step whose fingerprint
 * equals the one recorded when it last finished; any default would be one value for every input,
 * so a step that forgot to hash its inputs would run once and then be skipped as "unchanged"
 * forever, silently. Steps that must run every time (doctor, the wait) say so with
 * {@link #alwaysRuns()}, which has a safe default (false), and their fingerprint is never read.
 */
public interface Step {

    /** Key in the state file: {@code cluster}, {@code argocd}. */
    String id();

    /** What the user reads: {@code Installing Argo CD}. */
    String title(UpContext ctx);

    /** Why this step does not apply to this spec, if it does not (no CNI to install, no image to load). */
    default Optional<String> notApplicable(UpContext ctx) {
        return Optional.empty();
    }

    /**
     * The inputs this step consumes, hashed ({@link Fingerprint#of}): when unchanged since it last
     * finished, it is not run again. Not read for a step that {@link #alwaysRuns()}.
     */
    String fingerprint(UpContext ctx);

    /** Steps that only read (doctor, the wait) run every time. */
    default boolean alwaysRuns() {
        return false;
    }

    /** Does the work; returns a short detail for the ✓ line (may be empty). */
    String execute(UpContext ctx);
}
