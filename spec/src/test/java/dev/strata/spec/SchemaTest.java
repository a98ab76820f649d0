package dev.strata.spec;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schema editors use agrees with the loader: every bundled profile and valid fixture
 * passes it, and structural mistakes the loader rejects are rejected by the schema too.
 */
class SchemaTest {

    static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SpecSchema.text());

    static Stream<String> profiles() {
        return Profiles.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void everyProfilePassesTheSchema(String profile) {
        List<Error> errors = SCHEMA.validate(Profiles.text(profile).orElseThrow(), InputFormat.YAML);
        assertThat(errors).as("schema errors in profile %s", profile).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"full-no-profile.yaml", "override-mode.yaml", "minimal-profile.yaml"})
    void validFixturesPassTheSchema(String name) throws IOException {
        assertThat(SCHEMA.validate(Files.readString(Path.of("src/test/resources/fixtures/valid", name)), InputFormat.YAML)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"unknown-top-level-key.yaml", "unknown-cluster-key-typo.yaml", "wrong-api-version.yaml", "wrong-kind.yaml",
        "bad-quantity-memory.yaml", "bad-kubernetes-version.yaml", "unknown-provider.yaml", "unknown-role.yaml", "bad-taint-effect.yaml",
        "node-count-zero.yaml", "node-count-not-a-number.yaml", "component-enabled-not-boolean.yaml", "spec-is-a-list.yaml",
        "duplicate-environment.yaml", "unknown-profile.yaml", "missing-metadata.yaml", "invalid-name.yaml", "capacity-missing.yaml"})
    void structuralMistakesFailTheSchemaToo(String name) throws IOException {
        assertThat(SCHEMA.validate(Files.readString(Path.of("src/test/resources/fixtures/invalid", name)), InputFormat.YAML))
                .as("schema errors for %s", name).isNotEmpty();
    }

    @Test
    void theSchemaIsTheOneInitPointsEditorsAt() {
        assertThat(SpecSchema.text()).contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
        assertThat(Profiles.names()).allSatisfy(p -> assertThat(Profiles.text(p).orElseThrow())
                .startsWith("# yaml-language-server: $schema=./" + SpecSchema.FILE_NAME + "\n"));
    }
}
