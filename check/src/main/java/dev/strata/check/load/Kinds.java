package dev.strata.check.load;

import java.util.Set;

/** Kinds that are not namespaced, so a namespace on them is ignored. */
public final class Kinds {

    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "StorageClass", "PriorityClass", "IngressClass", "RuntimeClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding", "APIService", "CSIDriver", "VolumeSnapshotClass",
            "PodSecurityPolicy", "GatewayClass", "ClusterIssuer", "ClusterPolicy", "ClusterSecretStore",
            "ClusterExternalSecret", "ConstraintTemplate");

    private Kinds() {
    }

    public static boolean clusterScoped(String kind) {
        return CLUSTER_SCOPED.contains(kind);
    }
}
