package dev.strata.render;

import dev.strata.render.gitops.ApplicationsGenerator;
import dev.strata.render.gitops.ReleaseValuesGenerator;

import java.util.List;

/** The registry of generators, in the order they run. */
public final class Generators {

    private Generators() {
    }

    /** Content first; the Applications last, because they point only at directories that exist. */
    public static List<Generator> all() {
        return List.of(
                new ReleaseValuesGenerator(),
                new ApplicationsGenerator());
    }
}
