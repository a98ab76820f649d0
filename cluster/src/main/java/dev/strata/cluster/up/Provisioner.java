package dev.strata.cluster.up;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Tool;
import dev.strata.cluster.process.ProcessRunner;
import dev.strata.spec.PlatformSpec;

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

    /** The provisioner of the spec's cluster provider. */
    static Provisioner of(PlatformSpec spec, ProcessRunner runner) {
        return switch (spec.cluster().provider()) {
            case KIND -> new KindProvisioner(runner, spec.cluster().name());
            case TALOS -> new TalosProvisioner(runner, spec.cluster().name());
            case EXISTING -> new ExistingProvisioner();
        };
    }

    /** The cluster tool pinned in the catalog (kind, talosctl); empty for an existing cluster. */
    static Optional<Tool> tool(PlatformSpec spec, Catalog catalog) {
        return switch (spec.cluster().provider()) {
            case KIND -> catalog.get("kind").tools().stream().findFirst();
            case TALOS -> catalog.get("talos").tools().stream().findFirst();
            case EXISTING -> Optional.empty();
        };
    }
}
