package dev.strata.check;

/** Rule families, as DESIGN §6 names them. */
public enum Category {
    SCHEMA("schema"),
    SECURITY("security"),
    ADMISSION("admission"),
    RELIABILITY("reliability"),
    RESOURCES("resources"),
    SUPPLY_CHAIN("supply-chain"),
    GITOPS("gitops"),
    REFERENCES("references"),
    NETWORK("network"),
    MESH("mesh"),
    TIERING("tiering"),
    CAPACITY("capacity");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Findings of practice (security hardening, probes, requests, pinning) rather than of what stops a
     * platform from running (admission, references, schema, placement, drift). On objects rendered from
     * an upstream chart in the cache, which the tree does not hold and its values may not change, the
     * deep check reports them as warnings.
     */
    public boolean practice() {
        return this == SECURITY || this == RELIABILITY || this == RESOURCES || this == SUPPLY_CHAIN;
    }
}
