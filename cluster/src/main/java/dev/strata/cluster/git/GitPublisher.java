package dev.strata.cluster.git;

import java.nio.file.Path;
import java.util.Optional;

/** Sends a local branch to a remote; true when the remote moved. */
@FunctionalInterface
public interface GitPublisher {

    boolean push(Path repository, String url, String branch, Optional<GitRepo.Credentials> credentials);

    static GitPublisher jgit() {
        return (repo, url, branch, creds) -> new GitRepo(repo).push(url, branch, creds);
    }
}
