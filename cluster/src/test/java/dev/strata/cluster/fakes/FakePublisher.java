package dev.strata.cluster.fakes;

import dev.strata.cluster.git.GitClient;
import dev.strata.cluster.git.GitRepo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local repository is real (JGit in the test's temporary directory); the remote is a fake that
 * remembers the last pushed head: pushing the same commit again does not move it.
 */
public final class FakePublisher implements GitClient {

    private final GitClient local = GitClient.jgit();

    public final List<String> pushes = new ArrayList<>();
    private String remoteHead = "";
    public boolean failOnce;

    @Override
    public Optional<Path> enclosingWorkTree(Path dir) {
        return local.enclosingWorkTree(dir);
    }

    @Override
    public String commit(Path repository, List<String> paths, String branch, String message) {
        return local.commit(repository, paths, branch, message);
    }

    @Override
    public Optional<String> head(Path repository) {
        return local.head(repository);
    }

    @Override
    public boolean push(Path repository, String url, String branch, Optional<GitRepo.Credentials> credentials) {
        if (failOnce) {
            failOnce = false;
            throw new dev.strata.cluster.ClusterException("pushing " + branch + " to " + url + ": Connection refused");
        }
        String head = new GitRepo(repository).head().orElseThrow();
        pushes.add(url + " " + branch + " " + head.substring(0, 8) + credentials.map(c -> " as " + c.username()).orElse(""));
        boolean moved = !head.equals(remoteHead);
        remoteHead = head;
        return moved;
    }
}
