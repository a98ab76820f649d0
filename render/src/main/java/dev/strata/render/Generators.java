package dev.strata.render;

import dev.strata.render.apps.AppsGenerator;
import dev.strata.render.cluster.ClusterConfigGenerator;
import dev.strata.render.docs.ArchitectureDocGenerator;
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
                new ClusterConfigGenerator(),
                new ReleaseValuesGenerator(),
                new AppsGenerator(),
                new ApplicationsGenerator(),
                new ArchitectureDocGenerator());
    }
}
