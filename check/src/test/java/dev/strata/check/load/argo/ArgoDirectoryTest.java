package dev.strata.check.load.argo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Argo CD's directory-source selection, against the cases of its own tests
 * (reposerver/repository/repository_test.go TestFindResources, testdata/app-include-exclude).
 */
class ArgoDirectoryTest {

    @TempDir
    Path dir;

    private List<String> files(boolean recurse, String include, String exclude) throws IOException {
        return ArgoDirectory.files(dir, recurse, include, exclude).stream().map(p -> dir.relativize(p).toString()).toList();
    }

    private void touch(String... paths) throws IOException {
        for (String p : paths) {
            Files.createDirectories(dir.resolve(p).getParent());
            Files.writeString(dir.resolve(p), "kind: ConfigMap\n");
        }
    }

    @Test
    void onlyTheTopLevelWithoutRecurseAndOnlyManifestExtensionsCaseSensitive() throws IOException {
        touch("a.yaml", "b.YAML", "c.json", "d.jsonnet", "e.txt", "sub/f.yaml", ".hidden.yml");
        assertThat(files(false, "", "")).containsExactly(".hidden.yml", "a.yaml", "c.json", "d.jsonnet");
        assertThat(files(true, "", "")).contains("sub/f.yaml");
    }

    @Test
    void includeAndExcludeMatchThePathRelativeToTheSourceWithStarsCrossingSlashes() throws IOException {
        touch("deployment.yaml", "subdir/deploymentSub.yaml");
        assertThat(files(true, "subdir/deploymentSub.yaml", "")).containsExactly("subdir/deploymentSub.yaml");
        assertThat(files(true, "*.yaml", "")).containsExactly("deployment.yaml", "subdir/deploymentSub.yaml");
        assertThat(files(true, "**/*.yaml", "")).containsExactly("subdir/deploymentSub.yaml");
        assertThat(files(true, "", "*.yaml")).isEmpty();
    }

    @Test
    void bracesAlternativesExcludeBeforeIncludeAndAnInvalidIncludeMatchesNothing() throws IOException {
        touch("app.yaml", "x/app.yaml", "db/a.yaml", "db/test-1.yaml", "db/sub/b.yaml");
        assertThat(files(true, "{app.yaml,db/*.yaml}", "db/test-*")).containsExactly("app.yaml", "db/a.yaml", "db/sub/b.yaml");
        assertThat(files(true, "{unclosed", "")).isEmpty();
        assertThat(files(true, "", "{unclosed")).hasSize(5);
    }

    @Test
    void aFileMarkedToSkipRenderingIsLeftOut() throws IOException {
        touch("a.yaml");
        Files.writeString(dir.resolve("b.yaml"), "# +argocd:skip-file-rendering\nkind: ConfigMap\n");
        assertThat(files(false, "", "")).containsExactly("a.yaml");
    }
}
