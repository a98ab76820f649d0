package dev.strata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RenderCommandTest {

    @TempDir
    Path dir;

    @Test
    void rendersBesideTheSpecAndCheckAgreesUntilAFileIsEdited() throws Exception {
        Cli.run("init", "--profile", "talos-ambient", "--dir", dir.toString());
        Path spec = dir.resolve("platform.yaml");
        Cli r = Cli.run("render", "-f", spec.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Rendered ").contains("files into " + dir.toAbsolutePath());
        assertThat(dir.resolve("bootstrap/root.yaml")).exists();

        Cli clean = Cli.run("render", "-f", spec.toString(), "--check");
        assertThat(clean.exit()).isZero();
        assertThat(clean.out()).contains("matches the spec");

        Path values = dir.resolve("platform/network/cilium/values.yaml");
        Files.writeString(values, Files.readString(values) + "extra: true\n");
        Cli drift = Cli.run("render", "-f", spec.toString(), "--check");
        assertThat(drift.exit()).isEqualTo(1);
        assertThat(drift.out()).contains("changed: platform/network/cilium/values.yaml").contains("1 of ");
    }

    @Test
    void aSpecThatDoesNotPlanWritesNothing() throws Exception {
        Path spec = dir.resolve("platform.yaml");
        Files.writeString(spec, """
                apiVersion: strata.dev/v1alpha1
                kind: Platform
                metadata: {name: lab}
                spec:
                  profile: kind-lab
                  components: {longhorn: {}}
                """);
        Cli r = Cli.run("render", "-f", spec.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("longhorn cannot run on provider kind");
        assertThat(Files.list(dir)).extracting(p -> p.getFileName().toString()).containsExactly("platform.yaml");
    }

    @Test
    void aSpecThatDoesNotFitWritesNothingAndExitsOne() throws Exception {
        Path spec = Cli.tooSmallKindLab(dir);
        Cli r = Cli.run("render", "-f", spec.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("nodes available").contains("nothing was written");
        assertThat(Files.list(dir)).hasSize(1);
    }

    @Test
    void refusesAForeignDirectoryUnlessForced() throws Exception {
        Cli.run("init", "--profile", "kind-lab", "--dir", dir.toString());
        Path out = Files.createDirectories(dir.resolve("somewhere"));
        Files.writeString(out.resolve("notes.md"), "mine\n");
        Cli r = Cli.run("render", "-f", dir.resolve("platform.yaml").toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("holds no previous render (notes.md)");
        assertThat(Cli.run("render", "-f", dir.resolve("platform.yaml").toString(), "--out", out.toString(), "--force").exit()).isZero();
        assertThat(out.resolve("notes.md")).hasContent("mine");
    }
}
