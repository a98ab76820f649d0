package dev.strata.charts;

import dev.strata.yaml.AtomicWrite;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Chart archives on this machine, one file per chart version and source:
 * {@code <root>/<source>/<name>-<version>.tgz}, where {@code <source>} is the repository URL made
 * into a directory name (two repositories may publish the same chart name). Files are written
 * under a temporary name and moved into place, so a reader never sees half an archive.
 */
public final class ChartCache {

    private final Path root;

    public ChartCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** {@code $STRATA_CACHE_DIR}, else {@code $XDG_CACHE_HOME/strata}, else {@code ~/.cache/strata}; charts under {@code charts/}. */
    public static ChartCache standard() {
        return new ChartCache(strataCacheDir().resolve("charts"));
    }

    public static Path strataCacheDir() {
        String own = System.getenv("STRATA_CACHE_DIR");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("strata");
    }

    public Path root() {
        return root;
    }

    /** Where the archive of {@code ref} lives (whether or not it is there). */
    public Path path(ChartRef ref) {
        return root.resolve(sourceKey(ref)).resolve(ref.fileName());
    }

    public Optional<Path> find(ChartRef ref) {
        Path p = path(ref);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** Stores the archive at {@code file} (copied) as the one for {@code ref}; returns where it is now. */
    public Path put(ChartRef ref, Path file) {
        Path target = path(ref);
        try {
            AtomicWrite.copy(file, target);
        } catch (UncheckedIOException e) {
            throw new ChartException(e.getMessage(), e);
        }
        return target;
    }

    /** Stores downloaded bytes as the archive of {@code ref}. */
    public Path put(ChartRef ref, byte[] bytes) {
        Path target = path(ref);
        try {
            AtomicWrite.write(target, bytes);
        } catch (UncheckedIOException e) {
            throw new ChartException(e.getMessage(), e);
        }
        return target;
    }

    /** The repository URL (and git path) as one directory name. */
    static String sourceKey(ChartRef ref) {
        String s = ref.repository().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceAll("/+$", "");
        if (ref.path().isPresent()) {
            s = s + "//" + ref.path().get();
        }
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
