package dev.strata.cluster.kube;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A short-lived pod that tries something from inside the cluster (curl against a Service) and
 * reports through its log. It is deleted afterwards, whatever happened.
 *
 * @param annotations e.g. {@code sidecar.istio.io/inject: "false"} for a pod outside the mesh
 * @param admitted    in a namespace whose default-deny NetworkPolicy would drop it: two temporary
 *                    NetworkPolicies, deleted with the pod, let the probe out and let it into the
 *                    namespace's pods, so that what is observed is the mesh's answer, not the
 *                    policy's silence
 */
public record Probe(String namespace, String name, String image, List<String> command, Map<String, String> labels,
                    Map<String, String> annotations, String serviceAccount, boolean admitted) {

    /** The label the temporary NetworkPolicies select the probe by. */
    public static final String LABEL = "strata.dev/verify-probe";

    public Probe {
        labels = new LinkedHashMap<>(labels);
        labels.put(LABEL, name);
        labels = Map.copyOf(labels);
    }

    /** curlimages/curl 8.11.1, pinned by digest (the same pin is used across many public repos' probe scripts). */
    public static final String CURL_IMAGE = "curlimages/curl:8.11.1@sha256:c1fe1679c34d9784c1b0d1e5f62ac0a79fca01fb6377cdd33e90473c6f9f9a69";
}
