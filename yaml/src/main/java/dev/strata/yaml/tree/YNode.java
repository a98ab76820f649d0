package dev.strata.yaml.tree;

/**
 * A YAML value with the line it starts on (1-based). Trees are immutable; an alias shares the
 * node of its anchor, so {@link #size()} counts the expanded size without copying it.
 */
public sealed interface YNode permits YMap, YList, YScalar {

    int line();

    /** Number of nodes in the expanded subtree, this one included. */
    long size();

    default boolean isMap() {
        return this instanceof YMap;
    }

    default boolean isList() {
        return this instanceof YList;
    }

    default boolean isScalar() {
        return this instanceof YScalar;
    }

    /** YAML type name used in messages: object, array, string, integer, number, boolean, null. */
    String typeName();
}
