package dev.strata.cluster.git;

import dev.strata.cluster.ClusterException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The rendered tree's git repository (JGit, no git binary). A commit is made only when a
 * rendered file changed, and a push only sends what the remote does not have, so re-running
 * {@code up} with an unchanged spec writes nothing.
 */
public final class GitRepo {

    private static final PersonIdent STRATA = new PersonIdent("strata", "strata@strata.local");
    private final Path dir;

    public GitRepo(Path dir) {
        this.dir = dir;
    }

    /**
     * Stages exactly {@code paths} (additions, changes and deletions) on {@code branch} and commits
     * them if anything changed. Returns the head commit id either way.
     */
    public String commit(List<String> paths, String branch, String message) {
        try (Git git = open(branch)) {
            for (String p : paths) {
                if (Files.exists(dir.resolve(p))) {
                    git.add().addFilepattern(p).call();
                } else {
                    git.rm().setCached(true).addFilepattern(p).call();
                }
            }
            var status = git.status().call();
            boolean staged = !status.getAdded().isEmpty() || !status.getChanged().isEmpty() || !status.getRemoved().isEmpty();
            if (staged || git.getRepository().resolve(Constants.HEAD) == null) {
                git.commit().setMessage(message).setAuthor(STRATA).setCommitter(STRATA).setAllowEmpty(true).call();
            }
            return git.getRepository().resolve(Constants.HEAD).name();
        } catch (GitAPIException | IOException e) {
            throw new ClusterException("committing the rendered tree in " + dir + ": " + e.getMessage());
        }
    }

    /** Pushes {@code branch} to {@code url}; true when the remote moved, false when it already had the commit. */
    public boolean push(String url, String branch, Optional<Credentials> credentials) {
        try (Git git = Git.open(dir.toFile())) {
            var push = git.push().setRemote(new URIish(url).toString()).setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch)).setForce(false);
            credentials.ifPresent(c -> push.setCredentialsProvider(new UsernamePasswordCredentialsProvider(c.username(), c.password())));
            boolean moved = false;
            for (PushResult r : push.call()) {
                Collection<RemoteRefUpdate> updates = r.getRemoteUpdates();
                for (RemoteRefUpdate u : updates) {
                    switch (u.getStatus()) {
                        case OK -> moved = true;
                        case UP_TO_DATE -> { }
                        default -> throw new ClusterException("pushing " + branch + " to " + url + ": " + u.getStatus()
                                + Optional.ofNullable(u.getMessage()).map(m -> " (" + m + ")").orElse("")
                                + (u.getStatus() == RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD ? "; the remote has commits Strata did not make — merge them into " + dir + " first" : ""));
                    }
                }
            }
            return moved;
        } catch (GitAPIException | IOException | URISyntaxException e) {
            throw new ClusterException("pushing " + branch + " to " + url + ": " + e.getMessage());
        }
    }

    /** The work tree of the repository that holds {@code dir} (itself or a parent), if any. */
    public static Optional<Path> enclosingWorkTree(Path dir) {
        var builder = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        return Optional.ofNullable(builder.getGitDir()).map(g -> g.toPath().toAbsolutePath().getParent());
    }

    public Optional<String> head() {
        if (!Files.isDirectory(dir.resolve(".git"))) {
            return Optional.empty();
        }
        try (Git git = Git.open(dir.toFile())) {
            return Optional.ofNullable(git.getRepository().resolve(Constants.HEAD)).map(ObjectId::name);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Git open(String branch) throws GitAPIException, IOException {
        if (!Files.isDirectory(dir.resolve(".git"))) {
            return Git.init().setDirectory(dir.toFile()).setInitialBranch(branch).call();
        }
        Git git = Git.open(dir.toFile());
        String current = git.getRepository().getBranch();
        if (!branch.equals(current)) {
            git.close();
            throw new ClusterException("the repository in " + dir + " is on branch " + current + ", the spec's git.branch is " + branch
                    + "; switch branches or change spec.git.branch");
        }
        return git;
    }

    /** Username and password (or token) for an HTTP remote. */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + ", ***]";
        }
    }
}
