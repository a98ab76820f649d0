package dev.strata.cluster.kube;

/**
 * A pod as the evidence and the tier check need it.
 *
 * @param phase   Pending, Running, Succeeded, Failed
 * @param problem the first waiting/terminated reason of a container (CrashLoopBackOff,
 *                ImagePullBackOff, ...), empty when none
 * @param ownerKind the kind of the pod's controller (ReplicaSet, DaemonSet, ...), empty when none
 */
public record PodStatus(String namespace, String name, String node, String phase, boolean ready, int restarts, String problem, String ownerKind) {

    public boolean failing() {
        return !phase.equals("Succeeded") && (!ready || !problem.isEmpty());
    }
}
