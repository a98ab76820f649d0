package dev.strata.plan.capacity;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Resources;
import dev.strata.catalog.Workload;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.Resolver;
import dev.strata.spec.NodeGroup;
import dev.strata.spec.PlatformSpec;
import dev.strata.spec.Provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes' own pods, counted apart from Strata's components: the control plane's static pods on
 * every control-plane node, CoreDNS, and — unless a component replaces them — kube-proxy and the
 * provider's default CNI. CoreDNS comes from the catalog entry's {@code clusterWorkloads}. Requests are kubeadm's defaults for Kubernetes 1.34 (kind uses kubeadm;
 * Talos' control plane is close to them); kindnet's and Flannel's come from their manifests.
 */
public final class KubernetesPods {

    private static final Toleration CONTROL_PLANE = Toleration.of(NodeGroup.CONTROL_PLANE_TAINT);

    private KubernetesPods() {
    }

    public static List<PodRequest> of(Catalog catalog, PlatformSpec spec, List<ResolvedComponent> resolved) {
        List<PodRequest> pods = new ArrayList<>();
        pods.add(staticPod("kube-apiserver", Resources.of("250m", "0"), Resources.NONE));
        pods.add(staticPod("kube-controller-manager", Resources.of("200m", "0"), Resources.NONE));
        pods.add(staticPod("kube-scheduler", Resources.of("100m", "0"), Resources.NONE));
        pods.add(staticPod("etcd", Resources.of("100m", "100Mi"), Resources.NONE));
        for (Workload w : catalog.find("coredns").map(c -> c.clusterWorkloads()).orElse(List.of())) {
            for (int i = 1; i <= w.replicaCount(); i++) {
                pods.add(new PodRequest(w.name() + "-" + i, "kube-system", "kubernetes", PodCategory.KUBERNETES,
                        w.podRequests(), w.podLimits(), Map.of(), List.of(CONTROL_PLANE), false, false, Optional.empty()));
            }
        }
        boolean proxyReplaced = resolved.stream().anyMatch(r -> Resolver.capabilities(r).contains("kube-proxy-replacement"));
        boolean cniInstalled = resolved.stream().anyMatch(r -> Resolver.capabilities(r).contains("cni"));
        if (!proxyReplaced) {
            pods.add(daemon("kube-proxy", Resources.NONE, Resources.NONE));
        }
        Provider provider = spec.cluster().provider();
        if (!cniInstalled && provider == Provider.KIND) {
            pods.add(daemon("kindnet", Resources.of("100m", "50Mi"), Resources.of("100m", "50Mi")));
        }
        if (!cniInstalled && provider == Provider.TALOS) {
            pods.add(daemon("kube-flannel", Resources.of("100m", "50Mi"), Resources.NONE));
        }
        if (provider == Provider.KIND) {
            pods.add(new PodRequest("local-path-provisioner", "local-path-storage", "kubernetes", PodCategory.KUBERNETES,
                    Resources.NONE, Resources.NONE, Map.of(), List.of(CONTROL_PLANE), false, false, Optional.empty()));
        }
        return pods;
    }

    private static PodRequest staticPod(String name, Resources requests, Resources limits) {
        return new PodRequest(name, "kube-system", "kubernetes", PodCategory.KUBERNETES, requests, limits, Map.of(),
                List.of(Toleration.ALL), true, true, Optional.empty());
    }

    private static PodRequest daemon(String name, Resources requests, Resources limits) {
        return new PodRequest(name, "kube-system", "kubernetes", PodCategory.KUBERNETES, requests, limits, Map.of(),
                List.of(Toleration.ALL), true, false, Optional.empty());
    }
}
