package dev.strata.check.flows;

import dev.strata.check.graph.ResourceGraph;
import java.util.List;
import java.util.Map;

/**
 * The labels a namespaceSelector is matched against: a Namespace object's labels plus
 * {@code kubernetes.io/metadata.name}, which the API server sets on every namespace (Kubernetes
 * 1.21+). A namespace the input does not declare is assumed to carry that label only, and the
 * assumption is noted.
 */
public final class NamespaceLabels {

    public static final String NAME_LABEL = "kubernetes.io/metadata.name";

    private NamespaceLabels() {
    }

    public static Map<String, String> of(ResourceGraph graph, String namespace, List<String> notes) {
        return graph.namespaceLabels(namespace).orElseGet(() -> {
            String note = "namespace " + namespace + " not in the input; assumed labels " + NAME_LABEL + "=" + namespace + " only";
            if (!notes.contains(note)) {
                notes.add(note);
            }
            return Map.of(NAME_LABEL, namespace);
        });
    }
}
