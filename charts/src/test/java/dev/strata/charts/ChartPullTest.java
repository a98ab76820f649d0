package dev.strata.charts;

import dev.strata.charts.fetch.GitDirectory;
import dev.strata.charts.fetch.HttpRepository;
import dev.strata.charts.fetch.OciRegistry;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Pulling from a folder of archives (the air-gapped path) and from a git repository on disk, checked against the lock. */
class ChartPullTest {

    @TempDir
    Path dir;

    private ChartCache cache() {
        return new ChartCache(dir.resolve("cache"));
    }

    private ChartPull pull() {
        Duration t = Duration.ofSeconds(5);
        return new ChartPull(cache(), Map.of(ChartRef.Kind.HTTP_REPOSITORY, new HttpRepository(t), ChartRef.Kind.OCI, new OciRegistry(t),
                ChartRef.Kind.GIT, new GitDirectory()));
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    @Test
    void importsFromAFolderOfArchivesAndLocksTheirDigests() throws IOException {
        Path from = folder("from");
        Path archive = TestCharts.chart("web", "1.0.0").pack(from);
        ChartRef ref = ChartRef.helm("https://charts.example.org", "web", "1.0.0");
        ChartPull.Outcome o = pull().pull(List.of(ref), Optional.of(from), ChartLock.empty(), ChartPull.Listener.silent());
        assertThat(o.ok()).isTrue();
        assertThat(o.pulled()).singleElement().satisfies(p -> {
            assertThat(p.how()).isEqualTo(ChartPull.How.IMPORTED);
            assertThat(p.archive()).isEqualTo(cache().path(ref)).exists();
        });
        assertThat(o.lock().digest(ref)).contains(ChartArchive.sha256(archive));
    }

    @Test
    void anArchiveThatDiffersFromTheLockIsRefusedAndTheCacheKeepsTheLockedOne() throws IOException {
        ChartRef ref = ChartRef.helm("https://charts.example.org", "web", "1.0.0");
        Path first = TestCharts.chart("web", "1.0.0").pack(folder("v1"));
        ChartLock lock = pull().pull(List.of(ref), Optional.of(first.getParent()), ChartLock.empty(), ChartPull.Listener.silent()).lock();
        Path changed = TestCharts.chart("web", "1.0.0").file("templates/extra.yaml", "kind: ConfigMap\n").pack(folder("v2"));
        ChartPull.Outcome o = pull().pull(List.of(ref), Optional.of(changed.getParent()), lock, ChartPull.Listener.silent());
        assertThat(o.ok()).isFalse();
        assertThat(o.failed()).singleElement().extracting(ChartPull.Failed::reason).asString()
                .contains("but charts.lock records " + ChartArchive.sha256(first)).contains("the archive changed since it was locked");
        assertThat(ChartArchive.sha256(cache().path(ref))).isEqualTo(ChartArchive.sha256(first));
    }

    @Test
    void anArchiveHoldingAnotherVersionIsRefused() throws IOException {
        Path from = folder("from");
        Path wrong = TestCharts.chart("web", "2.0.0").pack(from);
        Files.move(wrong, from.resolve("web-1.0.0.tgz"));
        ChartPull.Outcome o = pull().pull(List.of(ChartRef.helm("https://x", "web", "1.0.0")), Optional.of(from), ChartLock.empty(),
                ChartPull.Listener.silent());
        assertThat(o.failed()).singleElement().extracting(ChartPull.Failed::reason).asString()
                .isEqualTo("web-1.0.0.tgz: its Chart.yaml says web 2.0.0, expected web 1.0.0");
    }

    @Test
    void aChartMissingFromTheFolderIsNamedWithTheFileLookedFor() throws IOException {
        ChartPull.Outcome o = pull().pull(List.of(ChartRef.helm("https://x", "web", "1.0.0")), Optional.of(folder("empty")),
                ChartLock.empty(), ChartPull.Listener.silent());
        assertThat(o.failed()).singleElement().extracting(ChartPull.Failed::reason).asString()
                .contains("(looked for web-1.0.0.tgz) and not in the cache");
    }

    /** The distribution API as ghcr.io answers an anonymous pull: 401 with a Bearer challenge, a token, then manifest and blob. */
    @Test
    void packsADirectoryOfAGitRepositoryAtATag() throws Exception {
        Path repo = folder("upstream");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(repo.resolve("config/crd/standard"));
            Files.writeString(repo.resolve("config/crd/standard/gateways.yaml"), "kind: CustomResourceDefinition\n");
            Files.writeString(repo.resolve("README.md"), "not packed\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("crds").setSign(false).call();
            git.tag().setName("v1.6.1").call();
        }
        ChartRef ref = ChartRef.git(repo.toUri().toString(), "gateway-api-crds", "v1.6.1", "config/crd/standard");
        ChartPull.Outcome o = pull().pull(List.of(ref), Optional.empty(), ChartLock.empty(), ChartPull.Listener.silent());
        assertThat(o.failed()).isEmpty();
        Path out = Files.createDirectory(dir.resolve("out"));
        Path unpacked = ChartArchive.extract(cache().path(ref), out);
        assertThat(unpacked.resolve("gateways.yaml")).hasContent("kind: CustomResourceDefinition");
        assertThat(unpacked.resolve("README.md")).doesNotExist();
    }

}
