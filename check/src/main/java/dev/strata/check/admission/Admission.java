package dev.strata.check.admission;

import dev.strata.check.ClusterModel;
import dev.strata.check.graph.ResourceGraph;
import java.util.Optional;

/** Which Pod Security level the API server enforces in a namespace. */
public final class Admission {

    private Admission() {
    }

    /**
     * The Namespace's {@code pod-security.kubernetes.io/enforce} label when the input holds it; without
     * a label, the cluster's default; for a namespace the cluster creates itself (kube-system), the
     * default unless exempt (then nothing is enforced). Empty when the input and the model do not tell.
     */
    public static Optional<PodSecurity.Level> enforced(String namespace, ResourceGraph graph, Optional<ClusterModel> model) {
        Optional<ClusterModel.PodSecurityDefaults> defaults = model.flatMap(ClusterModel::podSecurity);
        Optional<PodSecurity.Level> byDefault = defaults.flatMap(d -> d.exempt().contains(namespace)
                ? Optional.of(PodSecurity.Level.PRIVILEGED) : PodSecurity.Level.parse(d.level()));
        var ns = graph.namespace(namespace);
        if (ns.isPresent()) {
            String label = ns.get().labels().get(PodSecurity.ENFORCE_LABEL);
            return label == null ? byDefault : PodSecurity.Level.parse(label);
        }
        return defaults.filter(d -> d.clusterNamespaces().contains(namespace)).isPresent() ? byDefault : Optional.empty();
    }
}
