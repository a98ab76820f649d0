package dev.strata.render;

import dev.strata.render.apps.AppsGenerator;
import dev.strata.render.cluster.ClusterConfigGenerator;
import dev.strata.render.config.AdmissionPoliciesGenerator;
import dev.strata.render.config.CertificatesGenerator;
import dev.strata.render.config.ComponentConfigGenerator;
import dev.strata.render.config.GatewayGenerator;
import dev.strata.render.config.LinkerdIdentityGenerator;
import dev.strata.render.config.MeshPoliciesGenerator;
import dev.strata.render.config.NamespacesGenerator;
import dev.strata.render.config.ObservabilityGenerator;
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
                new NamespacesGenerator(),
                new CertificatesGenerator(),
                new GatewayGenerator(),
                new MeshPoliciesGenerator(),
                new LinkerdIdentityGenerator(),
                new AdmissionPoliciesGenerator(),
                new ObservabilityGenerator(),
                new ComponentConfigGenerator(),
                new AppsGenerator(),
                new ApplicationsGenerator(),
                new ArchitectureDocGenerator());
    }
}
