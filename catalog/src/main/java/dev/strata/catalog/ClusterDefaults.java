package dev.strata.catalog;

import java.util.List;

/**
 * What a cluster provider sets up by itself (kind, Talos): the Pod Security level its API server
 * enforces where a namespace has no label, the namespaces exempt from it, and the namespaces it
 * creates.
 */
public record ClusterDefaults(String podSecurity, List<String> exempt, List<String> namespaces, String source) {

    public ClusterDefaults {
        if (podSecurity == null || !PodSecurity.LEVELS.contains(podSecurity)) {
            throw new IllegalArgumentException("\"" + podSecurity + "\" is not a pod security level; known: " + PodSecurity.LEVELS);
        }
        exempt = exempt == null ? List.of() : List.copyOf(exempt);
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        source = source == null ? "" : source;
    }
}
