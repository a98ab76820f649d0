package dev.strata.plan.facts;

/** How app namespaces are enrolled in the mesh; never two at once. */
public enum MeshMode {
    NONE, ISTIO_SIDECAR, ISTIO_AMBIENT, LINKERD;

    public boolean istio() {
        return this == ISTIO_SIDECAR || this == ISTIO_AMBIENT;
    }
}
