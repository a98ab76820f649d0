package dev.strata.plan.capacity;

import dev.strata.spec.Taint;

/** A pod toleration; an empty key with {@code exists} tolerates every taint, as DaemonSets of node agents do. */
public record Toleration(String key, boolean exists, String value, String effect) {

    public static final Toleration ALL = new Toleration("", true, "", "");

    public static Toleration of(Taint t) {
        return new Toleration(t.key(), false, t.value(), t.effect());
    }

    public boolean tolerates(Taint t) {
        if (key.isEmpty() && exists) {
            return effect.isEmpty() || effect.equals(t.effect());
        }
        if (!key.equals(t.key())) {
            return false;
        }
        if (!effect.isEmpty() && !effect.equals(t.effect())) {
            return false;
        }
        return exists || value.equals(t.value());
    }
}
