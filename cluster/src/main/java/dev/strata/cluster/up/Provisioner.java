package dev.strata.cluster.up;

import java.util.Optional;

/** Brings the cluster itself: kind, Talos (Docker provisioner) or an existing kubeconfig context. */
public interface Provisioner {

    /** {@code kind cluster lab}: for messages. */
    String describe();

    /** @throws dev.strata.cluster.ClusterException when it cannot tell (no kind, no Docker engine) */
    boolean exists();

    /** Creates the cluster from the rendered configuration; returns a detail for the ✓ line. */
    String create(UpContext ctx);

    void delete();

    /** The kubeconfig context to talk to afterwards (empty: the current one). */
    Optional<String> kubeContext();

    /** Whether Strata created the cluster (and {@code down} deletes the cluster rather than what was installed). */
    boolean owned();
}
