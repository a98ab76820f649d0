package dev.strata.render;

import java.util.List;

/** The registry of generators, in the order they run. */
public final class Generators {

    private Generators() {
    }

    public static List<Generator> all() {
        return List.of();
    }
}
