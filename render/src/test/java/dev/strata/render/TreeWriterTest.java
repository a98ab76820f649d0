package dev.strata.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TreeWriterTest {

    @TempDir
    Path dir;

    static RenderedTree tree(String... pathsAndContents) {
        RenderedTree t = new RenderedTree();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            t.put(pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return t;
    }

    @Test
    void writesTheTreeAndAManifestOfWhatItGenerated() throws Exception {
        TreeWriter.write(tree("a/b.yaml", "x: 1\n", "c.yaml", "y: 2\n"), dir, false);
        assertThat(Files.readString(dir.resolve("a/b.yaml"))).isEqualTo("x: 1\n");
        assertThat(Files.readString(dir.resolve(TreeWriter.MANIFEST))).isEqualTo("a/b.yaml\nc.yaml\n");
        assertThat(dir.resolve(".strata/local/staging")).doesNotExist();
        assertThat(Files.readString(dir.resolve(TreeWriter.IGNORE))).endsWith("\nlocal/\n");
    }

    @Test
    void theSpecBesideTheTreeIsNoObstacleButForeignFilesAre() throws Exception {
        Files.writeString(dir.resolve("platform.yaml"), "spec\n");
        TreeWriter.write(tree("a.yaml", "x: 1\n"), dir, false);
        assertThat(dir.resolve("a.yaml")).exists();

        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine\n");
        assertThatThrownBy(() -> TreeWriter.write(tree("a.yaml", "x: 1\n"), other, false))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("is not empty and holds no previous render (notes.txt)");
        assertThat(Files.list(other)).extracting(p -> p.getFileName().toString()).containsExactly("notes.txt");
        TreeWriter.write(tree("a.yaml", "x: 1\n"), other, true);
        assertThat(other.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aLaterRenderRemovesOnlyFilesItGeneratedBeforeAndNoLongerDoes() throws Exception {
        TreeWriter.write(tree("keep.yaml", "k\n", "old/gone.yaml", "g\n"), dir, false);
        Files.writeString(dir.resolve("old/user-notes.md"), "mine\n");
        Files.writeString(dir.resolve("user.yaml"), "mine\n");
        var removed = TreeWriter.write(tree("keep.yaml", "k2\n"), dir, false);
        assertThat(removed).containsExactly("old/gone.yaml");
        assertThat(dir.resolve("old/gone.yaml")).doesNotExist();
        assertThat(dir.resolve("old/user-notes.md")).hasContent("mine");
        assertThat(dir.resolve("user.yaml")).hasContent("mine");
        assertThat(dir.resolve("keep.yaml")).hasContent("k2");
    }

    @Test
    void diffListsChangedMissingAndStaleFiles() throws Exception {
        TreeWriter.write(tree("same.yaml", "s\n", "edited.yaml", "e\n", "dropped.yaml", "d\n"), dir, false);
        Files.writeString(dir.resolve("edited.yaml"), "hand edit\n");
        var diff = TreeWriter.diff(tree("same.yaml", "s\n", "edited.yaml", "e\n", "new.yaml", "n\n"), dir);
        assertThat(diff).containsExactly("changed: edited.yaml", "missing: new.yaml", "stale: dropped.yaml");
        assertThat(TreeWriter.diff(tree("same.yaml", "s\n", "edited.yaml", "hand edit\n", "dropped.yaml", "d\n"), dir)).isEmpty();
    }

    @Test
    void aPathOutsideTheTreeIsRefused() {
        assertThatThrownBy(() -> tree("../escape.yaml", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree("/abs.yaml", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
