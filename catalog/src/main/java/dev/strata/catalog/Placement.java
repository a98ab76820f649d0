package dev.strata.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a catalog workload's pods may run. */
public enum Placement {
    /** Pinned to the platform tier: nodeSelector and toleration for that tier. */
    PLATFORM("platform"),
    /** A DaemonSet that must run on every node; tolerates every taint. */
    EVERY_NODE("every-node"),
    /** Runs on control-plane nodes only. */
    CONTROL_PLANE("control-plane"),
    /** Runs wherever the scheduler puts it (cluster add-ons Strata does not render, such as CoreDNS). */
    ANY("any");

    private final String id;

    Placement(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Placement of(String id) {
        for (Placement p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("\"" + id + "\" is not a placement; known: platform, every-node, control-plane, any");
    }
}
