package dev.strata.yaml.tree;

import java.util.Locale;
import java.util.Set;

/** A scalar with its resolved YAML 1.2 core-schema type. */
public record YScalar(String value, Type type, int line) implements YNode {

    public enum Type { STRING, INT, FLOAT, BOOL, NULL }

    @Override
    public long size() {
        return 1;
    }

    public boolean isNull() {
        return type == Type.NULL;
    }

    public boolean isString() {
        return type == Type.STRING;
    }

    @Override
    public String typeName() {
        return switch (type) {
            case STRING -> "string";
            case INT -> "integer";
            case FLOAT -> "number";
            case BOOL -> "boolean";
            case NULL -> "null";
        };
    }

    /** For a boolean: whether it is true ({@code true}, {@code yes}, {@code on}, {@code y}, any case). */
    public boolean isTrue() {
        return type == Type.BOOL && TRUE.contains(value.toLowerCase(Locale.ROOT));
    }

    private static final Set<String> TRUE = Set.of("true", "yes", "on", "y");

    /** The text as a user would read it (null is empty). */
    public String text() {
        return type == Type.NULL ? "" : value;
    }
}
