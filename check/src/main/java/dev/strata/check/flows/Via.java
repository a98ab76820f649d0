package dev.strata.check.flows;

import dev.strata.check.graph.Resource;

/** The object that implies a flow: {@code HTTPRoute app/web}, {@code ServiceMonitor app/web}; {@code detail} adds a part of it (a webhook's name). */
public record Via(String kind, String namespace, String name, String detail) {

    public static Via of(Resource r) {
        return new Via(r.kind(), r.namespace(), r.name(), "");
    }

    public Via with(String detail) {
        return new Via(kind, namespace, name, detail);
    }

    public String display() {
        return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
