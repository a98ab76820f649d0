package dev.strata.cluster.kube;

/** One entry of an Application's {@code .status.resources}: what Argo CD thinks of one object it manages. */
public record ResourceHealth(String kind, String namespace, String name, String sync, String health, String message) {

    public boolean healthy() {
        return health.isEmpty() || health.equals("Healthy");
    }

    @Override
    public String toString() {
        return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name) + ": " + (health.isEmpty() ? "-" : health)
                + (message.isEmpty() ? "" : " (" + message + ")");
    }
}
