package dev.strata.cluster;

import java.util.List;

/**
 * A live-lifecycle step could not do its job: the message says what failed and where; the
 * evidence (events, log lines, findings) says why, one line each.
 */
public class ClusterException extends RuntimeException {

    private final List<String> evidence;

    public ClusterException(String message) {
        this(message, List.of());
    }

    public ClusterException(String message, List<String> evidence) {
        super(message);
        this.evidence = List.copyOf(evidence);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
        this.evidence = List.of();
    }

    public List<String> evidence() {
        return evidence;
    }
}
