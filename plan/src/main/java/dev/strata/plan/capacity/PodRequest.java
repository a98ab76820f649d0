package dev.strata.plan.capacity;

import dev.strata.catalog.Resources;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pod to place.
 *
 * @param owner        component id, app name, or "kubernetes"
 * @param perNode      a DaemonSet's pod template: one pod per eligible node, bound without scoring
 * @param staticOnControlPlane a static pod (API server, etcd…) on every control-plane node
 * @param antiAffinity pods sharing this key may not share a node (required anti-affinity on hostname)
 */
public record PodRequest(String name, String namespace, String owner, PodCategory category, Resources requests, Resources limits,
                         Map<String, String> nodeSelector, List<Toleration> tolerations, boolean perNode,
                         boolean staticOnControlPlane, Optional<String> antiAffinity) {

    public PodRequest withName(String n) {
        return new PodRequest(n, namespace, owner, category, requests, limits, nodeSelector, tolerations, perNode, staticOnControlPlane, antiAffinity);
    }
}
