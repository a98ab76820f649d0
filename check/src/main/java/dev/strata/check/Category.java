package dev.strata.check;

/** Rule families, as DESIGN §6 names them. */
public enum Category {
    SCHEMA("schema"),
    SECURITY("security"),
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
}
