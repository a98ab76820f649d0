package dev.strata.catalog;

import java.util.List;

/**
 * The Pod Security Admission level a component's pods need in their namespace, and why.
 *
 * @param level  {@code restricted}, {@code baseline} or {@code privileged}
 *               (<a href="https://kubernetes.io/docs/concepts/security/pod-security-standards/">Pod Security Standards</a>)
 * @param reason what in the chart's pods needs that level (host namespaces, hostPath, capabilities…)
 */
public record PodSecurity(String level, String reason) {

    public static final String RESTRICTED = "restricted";
    public static final String BASELINE = "baseline";
    public static final String PRIVILEGED = "privileged";
    /** From tightest to loosest. */
    public static final List<String> LEVELS = List.of(RESTRICTED, BASELINE, PRIVILEGED);

    /** What a component needs when its entry says nothing: its pods meet the restricted standard. */
    public static final PodSecurity DEFAULT = new PodSecurity(RESTRICTED,
            "its pods run as non-root with no privilege escalation, all capabilities dropped and the RuntimeDefault seccomp profile");

    public PodSecurity {
        if (level == null || !LEVELS.contains(level)) {
            throw new IllegalArgumentException("\"" + level + "\" is not a pod security level; known: restricted, baseline, privileged");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("pod security level " + level + " needs a reason");
        }
    }

    /** 0 for restricted, 1 for baseline, 2 for privileged. */
    public int rank() {
        return LEVELS.indexOf(level);
    }

    public boolean looserThan(PodSecurity other) {
        return rank() > other.rank();
    }
}
