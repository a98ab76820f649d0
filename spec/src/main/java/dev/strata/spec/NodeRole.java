package dev.strata.spec;

import java.util.Locale;
import java.util.Optional;

public enum NodeRole {
    CONTROL_PLANE("control-plane"), WORKER("worker");

    private final String id;

    NodeRole(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<NodeRole> of(String id) {
        for (NodeRole r : values()) {
            if (r.id.equals(id.toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
