package dev.strata.charts;

import dev.strata.charts.fetch.Fetched;
import dev.strata.charts.fetch.Fetcher;
import dev.strata.charts.fetch.GitDirectory;
import dev.strata.charts.fetch.HttpRepository;
import dev.strata.charts.fetch.OciRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings pinned charts into the cache and checks each against the lock. With a folder of archives
 * ({@code --from DIR}, as {@code helm pull} or {@code helm package} name them) nothing is
 * downloaded: the air-gapped path. A chart that fails does not stop the others; the lock is only
 * returned whole when every chart is in.
 */
public final class ChartPull {

    public enum How { CACHED, IMPORTED, DOWNLOADED }

    public record Pulled(ChartRef ref, How how, Path archive, String digest) {
    }

    public record Failed(ChartRef ref, String reason) {
    }

    /** What happened to every chart, and the lock that records them (meaningful when nothing failed). */
    public record Outcome(List<Pulled> pulled, List<Failed> failed, ChartLock lock) {
        public boolean ok() {
            return failed.isEmpty();
        }
    }

    /** Hears about each chart as it is done (for progress lines). */
    public interface Listener {
        void done(Pulled pulled);

        void failed(Failed failed);

        static Listener silent() {
            return new Listener() {
                @Override
                public void done(Pulled pulled) {
                }

                @Override
                public void failed(Failed failed) {
                }
            };
        }
    }

    private final ChartCache cache;
    private final Map<ChartRef.Kind, Fetcher> fetchers;

    public ChartPull(ChartCache cache, Map<ChartRef.Kind, Fetcher> fetchers) {
        this.cache = cache;
        this.fetchers = new EnumMap<>(fetchers);
    }

    public static ChartPull standard(ChartCache cache) {
        Duration timeout = Duration.ofSeconds(60);
        return new ChartPull(cache, Map.of(ChartRef.Kind.HTTP_REPOSITORY, new HttpRepository(timeout),
                ChartRef.Kind.OCI, new OciRegistry(timeout), ChartRef.Kind.GIT, new GitDirectory()));
    }

    public Outcome pull(List<ChartRef> refs, Optional<Path> from, ChartLock lock, Listener listener) {
        List<Pulled> pulled = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        ChartLock next = lock.retain(refs);
        for (ChartRef ref : refs) {
            try {
                Pulled p = from.isPresent() ? importFrom(ref, from.get(), lock) : fetch(ref, lock);
                next = next.with(ref, p.digest());
                pulled.add(p);
                listener.done(p);
            } catch (ChartException e) {
                Failed f = new Failed(ref, e.getMessage());
                failed.add(f);
                listener.failed(f);
            }
        }
        return new Outcome(pulled, failed, next);
    }

    private Pulled importFrom(ChartRef ref, Path dir, ChartLock lock) {
        Path file = dir.resolve(ref.fileName());
        if (!Files.isRegularFile(file)) {
            Optional<Path> cached = cache.find(ref);
            if (cached.isPresent()) {
                return cached(ref, cached.get(), lock);
            }
            throw new ChartException("not in " + dir + " (looked for " + ref.fileName() + ") and not in the cache");
        }
        verify(ref, file);
        String digest = ChartArchive.sha256(file);
        checkLock(ref, digest, lock, file.toString());
        return new Pulled(ref, How.IMPORTED, cache.put(ref, file), digest);
    }

    private Pulled fetch(ChartRef ref, ChartLock lock) {
        Optional<Path> cached = cache.find(ref);
        if (cached.isPresent()) {
            String digest = ChartArchive.sha256(cached.get());
            if (lock.digest(ref).map(digest::equals).orElse(true)) {
                return new Pulled(ref, How.CACHED, cached.get(), digest);
            }
        }
        Fetcher fetcher = fetchers.get(ref.kind());
        if (fetcher == null) {
            throw new ChartException("no way to fetch a " + ref.kind() + " source here");
        }
        Fetched f = fetcher.fetch(ref);
        String digest = ChartArchive.sha256(f.archive());
        if (f.publishedDigest().isPresent() && !f.publishedDigest().get().equalsIgnoreCase(digest)) {
            throw new ChartException(f.from() + ": the archive's sha256 is " + digest + ", the repository publishes "
                    + f.publishedDigest().get() + "; refusing it");
        }
        checkLock(ref, digest, lock, f.from());
        Path tmp = null;
        try {
            tmp = Files.createTempFile("strata-chart-", ".tgz");
            Files.write(tmp, f.archive());
            verify(ref, tmp);
        } catch (IOException e) {
            throw new ChartException("writing a temporary file: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // temporary
                }
            }
        }
        return new Pulled(ref, How.DOWNLOADED, cache.put(ref, f.archive()), digest);
    }

    private static Pulled cached(ChartRef ref, Path archive, ChartLock lock) {
        String digest = ChartArchive.sha256(archive);
        checkLock(ref, digest, lock, archive.toString());
        return new Pulled(ref, How.CACHED, archive, digest);
    }

    private static void checkLock(ChartRef ref, String digest, ChartLock lock, String from) {
        Optional<String> locked = lock.digest(ref);
        if (locked.isPresent() && !locked.get().equals(digest)) {
            throw new ChartException(from + " has sha256 " + digest + " but " + ChartLock.FILE_NAME + " records " + locked.get()
                    + " for " + ref.name() + " " + ref.version() + ": the archive changed since it was locked. If the change is"
                    + " expected, remove the entry from " + ChartLock.FILE_NAME + " and pull again");
        }
    }

    /** The archive is the chart it claims to be: its directory, and for a chart its Chart.yaml name and version. */
    public static void verify(ChartRef ref, Path archive) {
        ChartArchive.Metadata m = ChartArchive.metadata(archive);
        if (ref.kind() == ChartRef.Kind.GIT) {
            if (!m.name().equals(ref.name())) {
                throw new ChartException(archive.getFileName() + ": holds " + m.name() + "/, expected " + ref.name() + "/");
            }
            return;
        }
        if (m.version().isEmpty()) {
            throw new ChartException(archive.getFileName() + ": no " + m.name() + "/Chart.yaml in it; not a chart archive");
        }
        if (!m.name().equals(ref.name()) || !m.version().equals(ref.version())) {
            throw new ChartException(archive.getFileName() + ": its Chart.yaml says " + m.name() + " " + m.version()
                    + ", expected " + ref.name() + " " + ref.version());
        }
    }
}
