package dev.strata.charts.render;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Helm hooks as Argo CD treats them (gitops-engine {@code pkg/sync/hook/helm}, Argo CD
 * {@code controller/hook.go}; docs "Helm hooks"): pre- and post-install/upgrade hooks run as PreSync
 * and PostSync hooks, so they are created and admitted like anything else; pre- and post-delete
 * hooks run only when the Application is deleted; test and rollback hooks never run. An object that
 * carries Argo CD's own {@code argocd.argoproj.io/hook} is Argo CD's hook, whatever Helm says.
 * Read by the deep check (what exists during a sync) and the plan (hooks are Jobs that complete).
 */
public final class HelmHooks {

    public static final String HELM = "helm.sh/hook";
    public static final String ARGO = "argocd.argoproj.io/hook";

    private static final String NEVER = "Argo CD never runs it during a sync";
    private static final List<String> SYNC = List.of("pre-install", "pre-upgrade", "post-install", "post-upgrade", "crd-install");

    private HelmHooks() {
    }

    /** Whether the object runs as a hook of the sync (Helm's or Argo CD's), i.e. it completes rather than stays. */
    public static boolean isHook(Map<String, String> annotations) {
        return annotations.containsKey(ARGO) || annotations.containsKey(HELM);
    }

    /** Whether Argo CD never runs the object at all (test and rollback hooks); delete hooks run when the Application is deleted. */
    public static boolean neverRuns(Map<String, String> annotations) {
        return droppedBecause(annotations).filter(why -> why.endsWith(NEVER)).isPresent();
    }

    /** Why an object with these annotations never exists during a sync; empty when Argo CD creates it. */
    public static Optional<String> droppedBecause(Map<String, String> annotations) {
        if (annotations.containsKey(ARGO)) {
            return Optional.empty();
        }
        String helm = annotations.get(HELM);
        if (helm == null) {
            return Optional.empty();
        }
        List<String> types = Arrays.stream(helm.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        if (types.stream().anyMatch(SYNC::contains)) {
            return Optional.empty();
        }
        if (types.stream().anyMatch(t -> t.endsWith("-delete"))) {
            return Optional.of("Helm hook " + helm + ": Argo CD runs it only when the Application is deleted");
        }
        return Optional.of("Helm hook " + helm + ": " + NEVER);
    }
}
