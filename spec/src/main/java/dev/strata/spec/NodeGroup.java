package dev.strata.spec;

import dev.strata.catalog.Resources;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A group of identical nodes.
 *
 * @param tier     the tier the nodes serve (platform, apps, ...); control-plane groups usually have none
 * @param labels   extra node labels; the tier label is added by Strata
 * @param taints   taints as written in the spec; control-plane groups also carry the standard
 *                 {@code node-role.kubernetes.io/control-plane:NoSchedule} unless {@code schedulable} is true
 */
public record NodeGroup(String name, NodeRole role, Optional<String> tier, int count, Resources capacity,
                        Map<String, String> labels, List<Taint> taints, boolean schedulable) {

    public static final Taint CONTROL_PLANE_TAINT = new Taint("node-role.kubernetes.io/control-plane", "", "NoSchedule");

    /** The taints the nodes really carry, including the control-plane one. */
    public List<Taint> effectiveTaints() {
        if (role == NodeRole.CONTROL_PLANE && !schedulable) {
            return Stream.concat(Stream.of(CONTROL_PLANE_TAINT), taints.stream()).toList();
        }
        return taints;
    }
}
