package dev.strata.check;

/** Identifies a Kubernetes object; fields are empty strings when unknown (never null). */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

    public static final ObjectRef NONE = new ObjectRef("", "", "", "");

    public ObjectRef {
        apiVersion = apiVersion == null ? "" : apiVersion;
        kind = kind == null ? "" : kind;
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
    }

    /** API group: "" for the core group, else the part before the slash. */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public boolean isNone() {
        return kind.isEmpty() && name.isEmpty();
    }

    /** {@code Kind/namespace/name} or {@code Kind/name}. */
    public String display() {
        return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }
}
