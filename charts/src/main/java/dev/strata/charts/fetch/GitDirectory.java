package dev.strata.charts.fetch;

import dev.strata.charts.ChartArchive;
import dev.strata.charts.ChartException;
import dev.strata.charts.ChartRef;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A directory of a git repository at a tag (Argo CD's plain directory source, such as the Gateway
 * API CRDs), cloned shallowly with JGit and packed as {@code <name>/<files>} so that it is cached,
 * locked and imported like a chart archive.
 */
public final class GitDirectory implements Fetcher {

    @Override
    public Fetched fetch(ChartRef ref) {
        String dirInRepo = ref.path().orElseThrow().replaceAll("^/+|/+$", "");
        Path work = null;
        try {
            work = Files.createTempDirectory("strata-git-");
            Path clone = work.resolve("repo");
            try (Git ignored = Git.cloneRepository().setURI(ref.repository()).setDirectory(clone.toFile())
                    .setBranch("refs/tags/" + ref.version()).setDepth(1).setCloneAllBranches(false).call()) {
                // checked out at the tag
            } catch (GitAPIException | RuntimeException e) {
                throw new ChartException(ref.repository() + " at tag " + ref.version() + ": " + e.getMessage(), e);
            }
            Path dir = clone.resolve(dirInRepo).normalize();
            if (!dir.startsWith(clone) || !Files.isDirectory(dir)) {
                throw new ChartException(ref.repository() + " at tag " + ref.version() + " has no directory " + dirInRepo);
            }
            Path archive = work.resolve(ref.fileName());
            ChartArchive.pack(dir, ref.name(), archive);
            return new Fetched(Files.readAllBytes(archive), Optional.empty(), ref.repository() + "@" + ref.version() + ":" + dirInRepo);
        } catch (IOException e) {
            throw new ChartException(ref.display() + ": " + e.getMessage(), e);
        } finally {
            if (work != null) {
                delete(work);
            }
        }
    }

    private static void delete(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
