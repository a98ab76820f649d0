package dev.strata.cluster.fakes;

import dev.strata.cluster.git.GitPublisher;
import dev.strata.cluster.git.GitRepo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Remembers the last pushed head: pushing the same commit again does not move the remote. */
public final class FakePublisher implements GitPublisher {

    public final List<String> pushes = new ArrayList<>();
    private String remoteHead = "";
    public boolean failOnce;

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
