package dev.strata.spec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ProfilesTest {

    static Stream<String> profiles() {
        return Profiles.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void everyProfileLoadsAndNamesItself(String profile) {
        PlatformSpec spec = SpecLoader.bundled().profile(profile);
        assertThat(spec.profile()).isEqualTo(profile);
        assertThat(spec.name()).isEqualTo(profile);
        assertThat(spec.cluster().nodes()).anySatisfy(g -> assertThat(g.role()).isEqualTo(NodeRole.CONTROL_PLANE));
        assertThat(spec.apps()).isNotEmpty();
        assertThat(Profiles.summary(profile)).startsWith("seed 00");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void aUserSpecNamingTheProfileInheritsItAndCanOverrideIt(String profile) {
        PlatformSpec spec = SpecLoader.bundled().parse("platform.yaml", """
                apiVersion: strata.dev/v1alpha1
                kind: Platform
                metadata: {name: mine}
                spec:
                  profile: %s
                  environments: [dev]
                  apps:
                    - name: api
                """.formatted(profile));
        PlatformSpec base = SpecLoader.bundled().profile(profile);
        assertThat(spec.name()).isEqualTo("mine");
        assertThat(spec.cluster().name()).as("the cluster is named after the platform").isEqualTo("mine");
        assertThat(spec.cluster().nodes()).isEqualTo(base.cluster().nodes());
        assertThat(spec.cluster().provider()).isEqualTo(base.cluster().provider());
        assertThat(spec.components()).isEqualTo(base.components());
        assertThat(spec.environments()).containsExactly("dev");
        assertThat(spec.apps()).extracting(AppSpec::name).containsExactly("api");
    }
}
