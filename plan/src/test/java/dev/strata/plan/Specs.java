package dev.strata.plan;

import dev.strata.spec.PlatformSpec;
import dev.strata.spec.SpecLoader;

/** Test specs written as YAML, the way users write them. */
final class Specs {

    private Specs() {
    }

    static PlatformSpec parse(String yaml) {
        return SpecLoader.bundled().parse("test.yaml", yaml);
    }

    static PlatformSpec profile(String name) {
        return SpecLoader.bundled().profile(name);
    }

    /** A spec on {@code provider} with the given node groups and components, no profile. */
    static PlatformSpec of(String provider, String nodes, String components) {
        return parse("""
                apiVersion: strata.dev/v1alpha1
                kind: Platform
                metadata: {name: t}
                spec:
                  cluster:
                    provider: %s
                    kubernetesVersion: v1.34.11
                    nodes:
                %s
                  components:
                %s
                """.formatted(provider, nodes.indent(6).stripTrailing(), components.indent(4).stripTrailing()));
    }
}
