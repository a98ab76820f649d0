package dev.strata.check.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Locale;

/**
 * The repository the checked paths belong to: the directories an Argo CD Application's
 * {@code source.path} is resolved against, and the remote URLs known to name this repository.
 */
public record SourceTree(List<Path> roots, Set<String> repoUrls) {

    public SourceTree {
        roots = List.copyOf(roots);
        repoUrls = Set.copyOf(repoUrls);
    }

    public static SourceTree none() {
        return new SourceTree(List.of(), Set.of());
    }

    /** Roots: the git work tree around each input (if any) and each input directory itself. */
    public static SourceTree around(List<Path> inputs) {
        Set<Path> roots = new LinkedHashSet<>();
        Set<String> urls = new LinkedHashSet<>();
        for (Path input : inputs) {
            Path abs = input.toAbsolutePath().normalize();
            Path dir = Files.isDirectory(abs) ? abs : abs.getParent();
            if (dir == null) {
                continue;
            }
            gitRoot(dir).ifPresent(git -> {
                roots.add(git);
                urls.addAll(remoteUrls(git));
            });
            roots.add(dir);
        }
        return new SourceTree(new ArrayList<>(roots), urls);
    }

    /** Resolves a repository-relative path to an existing directory or file. */
    public Optional<Path> resolve(String relative) {
        String clean = relative.strip();
        while (clean.startsWith("./")) {
            clean = clean.substring(2);
        }
        if (clean.startsWith("/") || clean.contains("..")) {
            return Optional.empty();
        }
        for (Path root : roots) {
            Path candidate = clean.isEmpty() || clean.equals(".") ? root : root.resolve(clean).normalize();
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static String normalizeUrl(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        if (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        if (u.endsWith(".git")) {
            u = u.substring(0, u.length() - 4);
        }
        return u;
    }

    private static Optional<Path> gitRoot(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static List<String> remoteUrls(Path gitRoot) {
        Path config = gitRoot.resolve(".git").resolve("config");
        List<String> urls = new ArrayList<>();
        if (!Files.isRegularFile(config)) {
            return urls;
        }
        try {
            for (String line : Files.readAllLines(config)) {
                String t = line.strip();
                if (t.startsWith("url") && t.contains("=")) {
                    urls.add(normalizeUrl(t.substring(t.indexOf('=') + 1)));
                }
            }
        } catch (IOException e) {
            return urls;
        }
        return urls;
    }
}
