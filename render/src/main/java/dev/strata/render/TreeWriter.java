package dev.strata.render;

import dev.strata.yaml.AtomicWrite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Puts a rendered tree on disk, or compares it with what is there.
 *
 * <p>Writing stages every file under {@code .strata/local/staging} first, so a failure while rendering
 * or writing leaves the tree untouched; then each file is renamed into place, files of the
 * previous render that are no longer produced are removed, and the manifest
 * ({@value #MANIFEST}) — the list of generated paths — is written last. Files Strata did not
 * generate are never touched. A non-empty directory that is not a previous render is refused
 * unless forced (the spec and its schema, which `strata init` writes, do not count).
 */
public final class TreeWriter {

    public static final String MANIFEST = ".strata/rendered-files.txt";
    /**
     * {@code .strata/} is split: what a render records (committed with the tree, so that the next
     * render anywhere removes only its own files) and {@code .strata/local/}, this machine's state
     * (staging, strata up's progress), which this ignore file keeps out of git.
     */
    public static final String IGNORE = ".strata/.gitignore";
    public static final String LOCAL = ".strata/local";
    static final String IGNORE_TEXT = "# Written by strata render. .strata/local/ is this machine's state (render staging, strata up's\n"
            + "# progress): never committed. rendered-files.txt is the render's record and is committed with the tree.\nlocal/\n";
    private static final Set<String> SPEC_FILES = Set.of("platform.yaml", "platform.schema.json", ".strata", ".git", ".gitignore", "README.md");

    private TreeWriter() {
    }

    /** Difference between the tree and the directory, as lines {@code changed|missing|stale: path}. */
    public static List<String> diff(RenderedTree tree, Path dir) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : tree.files().entrySet()) {
            Path p = dir.resolve(e.getKey());
            if (!Files.isRegularFile(p)) {
                out.add("missing: " + e.getKey());
            } else if (!read(p).equals(e.getValue())) {
                out.add("changed: " + e.getKey());
            }
        }
        for (String old : previous(dir)) {
            if (!tree.contains(old) && Files.exists(dir.resolve(old))) {
                out.add("stale: " + old);
            }
        }
        return out;
    }

    /** Writes the tree; returns the paths removed because they are no longer generated. */
    public static List<String> write(RenderedTree tree, Path dir, boolean force) {
        try {
            Files.createDirectories(dir);
            refuseForeignDirectory(dir, force);
            Path staging = Files.createDirectories(dir.resolve(LOCAL)).resolve("staging");
            deleteRecursively(staging);
            try {
                for (Map.Entry<String, String> e : tree.files().entrySet()) {
                    Path p = staging.resolve(e.getKey());
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
                }
                Set<String> old = previous(dir);
                for (String path : tree.files().keySet()) {
                    Path target = dir.resolve(path);
                    Files.createDirectories(target.getParent());
                    AtomicWrite.move(staging.resolve(path), target);
                }
                List<String> removed = new ArrayList<>();
                for (String path : old) {
                    if (!tree.contains(path) && Files.deleteIfExists(dir.resolve(path))) {
                        removed.add(path);
                        pruneEmptyParents(dir, dir.resolve(path).getParent());
                    }
                }
                AtomicWrite.write(dir.resolve(MANIFEST), String.join("\n", tree.files().keySet()) + "\n");
                AtomicWrite.write(dir.resolve(IGNORE), IGNORE_TEXT);
                return removed;
            } finally {
                deleteRecursively(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the rendered tree to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void refuseForeignDirectory(Path dir, boolean force) throws IOException {
        if (force || Files.isRegularFile(dir.resolve(MANIFEST))) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<String> foreign = s.map(p -> p.getFileName().toString()).filter(n -> !SPEC_FILES.contains(n)).sorted().toList();
            if (!foreign.isEmpty()) {
                throw new RenderException(List.of(dir + " is not empty and holds no previous render (" + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                        + (foreign.size() > 5 ? ", …" : "") + "); render into an empty directory with --out, or pass --force to write beside those files"));
            }
        }
    }

    static Set<String> previous(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String line : read(manifest).split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("/") && !l.contains("..")) {
                out.add(l);
            }
        }
        return out;
    }

    private static void pruneEmptyParents(Path root, Path dir) throws IOException {
        Path d = dir;
        while (d != null && !d.equals(root) && d.startsWith(root)) {
            try (Stream<Path> s = Files.list(d)) {
                if (s.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(d);
            d = d.getParent();
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
