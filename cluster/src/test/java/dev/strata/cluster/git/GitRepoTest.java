package dev.strata.cluster.git;

import dev.strata.cluster.ClusterException;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitRepoTest {

    @TempDir
    Path dir;

    @Test
    void commitsOnlyWhenARenderedFileChangedAndNeverStagesOtherFiles() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "a: 1\n");
        Files.writeString(dir.resolve("notes.txt"), "mine\n");
        GitRepo repo = new GitRepo(dir);
        String first = repo.commit(List.of("a.yaml"), "main", "render");
        assertThat(repo.commit(List.of("a.yaml"), "main", "render")).isEqualTo(first);

        Files.writeString(dir.resolve("a.yaml"), "a: 2\n");
        String second = repo.commit(List.of("a.yaml"), "main", "render");
        assertThat(second).isNotEqualTo(first);

        Files.delete(dir.resolve("a.yaml"));
        String third = repo.commit(List.of("a.yaml"), "main", "render");
        assertThat(third).isNotEqualTo(second);
        try (Git git = Git.open(dir.toFile())) {
            assertThat(git.status().call().getUntracked()).containsExactly("notes.txt");
        }
    }

    @Test
    void pushesToARemoteOnlyWhatItLacks(@TempDir Path remote) throws Exception {
        Git.init().setBare(true).setDirectory(remote.toFile()).setInitialBranch("main").call().close();
        Files.writeString(dir.resolve("a.yaml"), "a: 1\n");
        GitRepo repo = new GitRepo(dir);
        repo.commit(List.of("a.yaml"), "main", "render");
        String url = remote.toUri().toString();
        assertThat(repo.push(url, "main", Optional.empty())).isTrue();
        assertThat(repo.push(url, "main", Optional.empty())).isFalse();
    }

    @Test
    void aRepositoryOnAnotherBranchIsNotCommittedTo() throws Exception {
        Git.init().setDirectory(dir.toFile()).setInitialBranch("work").call().close();
        Files.writeString(dir.resolve("a.yaml"), "a\n");
        assertThatThrownBy(() -> new GitRepo(dir).commit(List.of("a.yaml"), "main", "render"))
                .isInstanceOf(ClusterException.class).hasMessageContaining("is on branch work, the spec's git.branch is main");
    }
}
