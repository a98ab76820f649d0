package dev.strata.cluster.kube;

import java.util.Map;

/** Names one object: {@code Application argocd/root}. An empty namespace means cluster-scoped. */
public record ResourceRef(String apiVersion, String kind, String namespace, String name) {

    @SuppressWarnings("unchecked")
    public static ResourceRef of(Map<String, Object> object) {
        Map<String, Object> meta = (Map<String, Object>) object.getOrDefault("metadata", Map.of());
        return new ResourceRef(String.valueOf(object.get("apiVersion")), String.valueOf(object.get("kind")),
                String.valueOf(meta.getOrDefault("namespace", "")), String.valueOf(meta.get("name")));
    }

    @Override
    public String toString() {
        return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
