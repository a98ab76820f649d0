package dev.strata.cluster;

import dev.strata.catalog.Catalog;
import dev.strata.cluster.doctor.Host;
import dev.strata.cluster.git.GitClient;
import dev.strata.cluster.helm.Helm;
import dev.strata.cluster.kube.Kube;
import dev.strata.cluster.process.ProcessRunner;
import dev.strata.cluster.up.Confirm;
import dev.strata.cluster.up.PlatformProof;

import java.util.Optional;
import java.util.function.Function;

/**
 * The narrow interfaces the lifecycle works through. {@code Lifecycle} builds the real ones;
 * tests pass fakes (a scripted process runner, fabric8's mock server, a fake clock).
 *
 * @param kubes a client for a kubeconfig context (empty: the current context)
 * @param helms Helm bound to a kubeconfig context (empty: the current context)
 * @param git   the rendered tree's repository: commit, head, push (JGit)
 * @param proof pulls the charts and deep-checks the tree before {@code up} creates anything
 */
public record Seams(ProcessRunner runner, Function<Optional<String>, Kube> kubes, Function<Optional<String>, Helm> helms, GitClient git,
                    Ticker ticker, Host host, Confirm confirm, Catalog catalog, PlatformProof proof) {
}
