package dev.strata.cluster.git;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code up} does with the rendered tree's repository: find it, commit to it, read its head,
 * push it. The real one is JGit ({@link GitRepo}); a step never opens a repository itself.
 */
public interface GitClient {

    /** The work tree that contains {@code dir}, if any. */
    Optional<Path> enclosingWorkTree(Path dir);

    /** Stages exactly {@code paths} on {@code branch} and commits them if anything changed; returns the head commit id. */
    String commit(Path repository, List<String> paths, String branch, String message);

    /** The head commit id, if the repository has one. */
    Optional<String> head(Path repository);

    /** Sends a local branch to a remote; true when the remote moved. */
    boolean push(Path repository, String url, String branch, Optional<GitRepo.Credentials> credentials);

    static GitClient jgit() {
        return new GitClient() {
            @Override
            public Optional<Path> enclosingWorkTree(Path dir) {
                return GitRepo.enclosingWorkTree(dir);
            }

            @Override
            public String commit(Path repository, List<String> paths, String branch, String message) {
                return new GitRepo(repository).commit(paths, branch, message);
            }

            @Override
            public Optional<String> head(Path repository) {
                return new GitRepo(repository).head();
            }

            @Override
            public boolean push(Path repository, String url, String branch, Optional<GitRepo.Credentials> credentials) {
                return new GitRepo(repository).push(url, branch, credentials);
            }
        };
    }
}
