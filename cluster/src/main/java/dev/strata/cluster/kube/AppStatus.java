package dev.strata.cluster.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Argo CD Application as the wait loop, status and verify see it.
 *
 * @param revisions what it is synced to: {@code .status.sync.revision}, or {@code .revisions} for
 *                  multi-source Applications (a chart version, then the values repository's commit)
 */
public record AppStatus(String name, int wave, String sync, String health, String message, List<ResourceHealth> resources,
                        List<String> revisions) {

    public AppStatus(String name, int wave, String sync, String health, String message, List<ResourceHealth> resources) {
        this(name, wave, sync, health, message, resources, List.of());
    }

    public boolean ready() {
        return sync.equals("Synced") && health.equals("Healthy");
    }

    public boolean degraded() {
        return health.equals("Degraded");
    }

    /** Reads an Application object (as a map, the way the API returns it). Missing fields read as {@code Unknown}. */
    @SuppressWarnings("unchecked")
    public static AppStatus parse(Map<String, Object> app) {
        Map<String, Object> meta = map(app.get("metadata"));
        Map<String, Object> annotations = map(meta.get("annotations"));
        int wave = 0;
        try {
            wave = Integer.parseInt(String.valueOf(annotations.getOrDefault("argocd.argoproj.io/sync-wave", "0")).strip());
        } catch (NumberFormatException ignored) {
            // a wave Argo CD would reject anyway; shown as 0
        }
        Map<String, Object> status = map(app.get("status"));
        String sync = str(map(status.get("sync")).get("status"), "Unknown");
        Map<String, Object> health = map(status.get("health"));
        String message = str(health.get("message"), "");
        Map<String, Object> op = map(status.get("operationState"));
        if (message.isEmpty() && !op.isEmpty() && !"Succeeded".equals(op.get("phase"))) {
            message = str(op.get("message"), "");
        }
        List<ResourceHealth> resources = ((List<Object>) Optional.ofNullable(status.get("resources")).orElse(List.of())).stream()
                .map(AppStatus::map)
                .map(r -> new ResourceHealth(str(r.get("kind"), ""), str(r.get("namespace"), ""), str(r.get("name"), ""),
                        str(r.get("status"), ""), str(map(r.get("health")).get("status"), ""), str(map(r.get("health")).get("message"), "")))
                .toList();
        Map<String, Object> syncStatus = map(status.get("sync"));
        List<String> revisions = new ArrayList<>();
        Optional.ofNullable(syncStatus.get("revision")).map(String::valueOf).ifPresent(revisions::add);
        if (syncStatus.get("revisions") instanceof List<?> l) {
            l.forEach(r -> revisions.add(String.valueOf(r)));
        }
        return new AppStatus(str(meta.get("name"), "?"), wave, sync, str(health.get("status"), "Unknown"), message, resources, List.copyOf(revisions));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String str(Object o, String dflt) {
        return o == null ? dflt : String.valueOf(o);
    }
}
