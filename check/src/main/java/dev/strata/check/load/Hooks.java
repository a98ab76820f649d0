package dev.strata.check.load;

import dev.strata.check.graph.Resource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Helm hooks as Argo CD treats them (gitops-engine {@code pkg/sync/hook/helm}, Argo CD
 * {@code controller/hook.go}; docs "Helm hooks"): pre- and post-install/upgrade hooks run as PreSync
 * and PostSync hooks, so they are created and admitted like anything else; pre- and post-delete
 * hooks run only when the Application is deleted; test and rollback hooks never run. An object that
 * carries Argo CD's own {@code argocd.argoproj.io/hook} is Argo CD's hook, whatever Helm says.
 */
final class Hooks {

    private static final List<String> SYNC = List.of("pre-install", "pre-upgrade", "post-install", "post-upgrade", "crd-install");

    private Hooks() {
    }

    /** Why a rendered object never exists during a sync; empty when Argo CD creates it. */
    static Optional<String> droppedBecause(Resource r) {
        if (r.annotation("argocd.argoproj.io/hook").isPresent()) {
            return Optional.empty();
        }
        Optional<String> helm = r.annotation("helm.sh/hook");
        if (helm.isEmpty()) {
            return Optional.empty();
        }
        List<String> types = Arrays.stream(helm.get().split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        if (types.stream().anyMatch(SYNC::contains)) {
            return Optional.empty();
        }
        if (types.stream().anyMatch(t -> t.endsWith("-delete"))) {
            return Optional.of("Helm hook " + helm.get() + ": Argo CD runs it only when the Application is deleted");
        }
        return Optional.of("Helm hook " + helm.get() + ": Argo CD never runs it during a sync");
    }
}
