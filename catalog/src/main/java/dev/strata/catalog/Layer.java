package dev.strata.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Architectural layers, bottom-up; the order is used for display and as a tie-break in sync waves. */
public enum Layer {
    CLUSTER, NETWORK, MESH, INGRESS, GITOPS, OBSERVABILITY, SECURITY, STORAGE, DELIVERY, PORTAL;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Layer of(String id) {
        for (Layer l : values()) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("\"" + id + "\" is not a layer; known: cluster, network, mesh, ingress, gitops, observability, security, storage, delivery, portal");
    }
}
