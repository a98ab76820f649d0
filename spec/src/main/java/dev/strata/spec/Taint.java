package dev.strata.spec;

import java.util.List;

/** A node taint; {@code value} may be empty. */
public record Taint(String key, String value, String effect) {

    public static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    @Override
    public String toString() {
        return key + (value.isEmpty() ? "" : "=" + value) + ":" + effect;
    }

    /** As the scheduler names it in reasons: {@code tier=platform}. */
    public String shortForm() {
        return key + (value.isEmpty() ? "" : "=" + value);
    }
}
