package dev.strata.check.load;

import dev.strata.charts.ChartArchive;
import dev.strata.charts.ChartCache;
import dev.strata.charts.ChartException;
import dev.strata.charts.ChartLock;
import dev.strata.charts.ChartRef;
import dev.strata.charts.render.RenderCache;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The chart cache as the deep check reads it ({@code strata charts pull} fills it). An archive whose
 * sha256 differs from the entry of a {@code charts.lock} in the checked tree is not used: what the
 * tree locked is what is checked, or nothing is.
 */
public final class CachedCharts implements ChartSource {

    private final ChartCache cache;
    private final List<ChartLock> locks;

    public CachedCharts(ChartCache cache, List<ChartLock> locks) {
        this.cache = cache;
        this.locks = List.copyOf(locks);
    }

    /** The cache with every {@code charts.lock} found in the inputs (hidden directories left out). */
    public static CachedCharts forInputs(ChartCache cache, List<Path> inputs) {
        List<ChartLock> locks = new ArrayList<>();
        for (Path input : inputs) {
            Path dir = input.toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try {
                Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                        return !d.equals(dir) && d.getFileName().toString().startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                        if (f.getFileName().toString().equals(ChartLock.FILE_NAME)) {
                            try {
                                locks.add(ChartLock.read(f));
                            } catch (ChartException e) {
                                // an unreadable lock locks nothing; the tree's own check reports the file
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // no locks from an unreadable input
            }
        }
        return new CachedCharts(cache, locks);
    }

    @Override
    public Optional<Path> chart(String repository, String chart, String version) {
        return verified(ChartRef.helm(repository, chart, version), cache.find(ChartRef.helm(repository, chart, version)));
    }

    @Override
    public Optional<Path> directory(String repository, String path, String revision) {
        Path dir = cache.path(ChartRef.git(repository, "x", revision, path)).getParent();
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            Optional<Path> archive = files.filter(f -> f.getFileName().toString().endsWith("-" + revision + ".tgz")).sorted().findFirst();
            if (archive.isEmpty()) {
                return archive;
            }
            String file = archive.get().getFileName().toString();
            String name = file.substring(0, file.length() - ("-" + revision + ".tgz").length());
            return verified(ChartRef.git(repository, name, revision, path), archive);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<Path> verified(ChartRef ref, Optional<Path> archive) {
        if (archive.isEmpty()) {
            return archive;
        }
        for (ChartLock lock : locks) {
            Optional<String> locked = lock.digest(ref);
            if (locked.isPresent() && !locked.get().equals(ChartArchive.sha256(archive.get()))) {
                return Optional.empty();
            }
        }
        return archive;
    }

    @Override
    public Optional<RenderCache> renderCache() {
        return Optional.of(new RenderCache(cache.root().resolveSibling("renders")));
    }

    @Override
    public String missingReason() {
        return "not in the chart cache (" + cache.root() + "), or its archive differs from charts.lock; run strata charts pull";
    }
}
