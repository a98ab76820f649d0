package dev.strata.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A workload a chart creates, with the values keys that size and place it.
 *
 * @param replicas absent for DaemonSets (one pod per eligible node)
 */
public record Workload(String name, WorkloadKind kind, Optional<Integer> replicas, Optional<String> replicasKey,
                       Placement placement, Optional<String> nodeSelectorKey, Optional<String> tolerationsKey,
                       List<Container> containers) {

    public Workload {
        replicas = replicas == null ? Optional.empty() : replicas;
        replicasKey = replicasKey == null ? Optional.empty() : replicasKey;
        placement = placement == null ? Placement.PLATFORM : placement;
        nodeSelectorKey = nodeSelectorKey == null ? Optional.empty() : nodeSelectorKey;
        tolerationsKey = tolerationsKey == null ? Optional.empty() : tolerationsKey;
        containers = containers == null ? List.of() : List.copyOf(containers);
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
