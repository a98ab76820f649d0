package dev.strata.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workload a chart creates, with the values keys that size and place it — or one an operator
 * creates at run time from a custom resource ({@code createdBy}), with the pod it writes.
 *
 * @param replicas  absent for DaemonSets (one pod per eligible node)
 * @param createdBy absent when the chart renders it; else who creates it at run time, from what
 * @param namespace where an operator creates it (absent: the release's namespace)
 * @param pod       for a workload an operator creates: its pod template as the operator writes it
 *                  (securityContext, images, probes), which the deep check admits like any other; each
 *                  container's resources come from {@code containers}
 */
public record Workload(String name, WorkloadKind kind, Optional<Integer> replicas, Optional<String> replicasKey,
                       Placement placement, Optional<String> nodeSelectorKey, Optional<String> tolerationsKey,
                       List<Container> containers, Optional<String> createdBy, Optional<String> namespace,
                       Map<String, Object> pod) {

    public Workload {
        replicas = replicas == null ? Optional.empty() : replicas;
        replicasKey = replicasKey == null ? Optional.empty() : replicasKey;
        placement = placement == null ? Placement.PLATFORM : placement;
        nodeSelectorKey = nodeSelectorKey == null ? Optional.empty() : nodeSelectorKey;
        tolerationsKey = tolerationsKey == null ? Optional.empty() : tolerationsKey;
        containers = containers == null ? List.of() : List.copyOf(containers);
        createdBy = createdBy == null ? Optional.empty() : createdBy;
        namespace = namespace == null ? Optional.empty() : namespace;
        pod = pod == null ? Map.of() : pod;
    }

    /** A workload a chart renders (tests and programmatic catalogs). */
    public Workload(String name, WorkloadKind kind, Optional<Integer> replicas, Optional<String> replicasKey,
                    Placement placement, Optional<String> nodeSelectorKey, Optional<String> tolerationsKey,
                    List<Container> containers) {
        this(name, kind, replicas, replicasKey, placement, nodeSelectorKey, tolerationsKey, containers, Optional.empty(),
                Optional.empty(), Map.of());
    }

    /** Created at run time by an operator rather than rendered by the chart. */
    public boolean byOperator() {
        return createdBy.isPresent();
    }

    public int replicaCount() {
        return replicas.orElse(1);
    }

    public boolean perNode() {
        return kind == WorkloadKind.DaemonSet;
    }

    /** What one pod asks the scheduler for: sum of app containers, or the largest init container if bigger. */
    public Resources podRequests() {
        return effective(false);
    }

    public Resources podLimits() {
        return effective(true);
    }

    private Resources effective(boolean limits) {
        Resources app = Resources.NONE;
        Resources init = Resources.NONE;
        for (Container c : containers) {
            Resources r = limits ? c.limits() : c.requests();
            if (c.init()) {
                init = init.max(r);
            } else {
                app = app.plus(r);
            }
        }
        return app.max(init);
    }
}
