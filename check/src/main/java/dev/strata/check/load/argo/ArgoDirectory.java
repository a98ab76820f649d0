package dev.strata.check.load.argo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.regex.PatternSyntaxException;

/**
 * The files Argo CD reads from a directory source (reposerver/repository/repository.go at v3.4.7,
 * getPotentiallyValidManifests): only the path itself unless {@code directory.recurse}; file names
 * ending {@code .yaml}, {@code .yml}, {@code .json} or {@code .jsonnet} (case-sensitive); hidden
 * entries not skipped; {@code exclude} then {@code include} matched against the path relative to the
 * source path with gobwas/glob compiled without separators ({@code *} crosses {@code /},
 * {@code {a,b}} alternatives, whole-string match; an invalid pattern matches nothing); files holding
 * {@code +argocd:skip-file-rendering} left out. Walk order is lexical.
 */
public final class ArgoDirectory {

    private static final Pattern MANIFEST = Pattern.compile("^.*\\.(yaml|yml|json|jsonnet)$");
    static final String SKIP_MARKER = "+argocd:skip-file-rendering";

    private ArgoDirectory() {
    }

    /** What a directory source reads, in Argo CD's order. */
    public static List<Path> files(Path dir, boolean recurse, String include, String exclude) throws IOException {
        Optional<Pattern> in = include.isEmpty() ? Optional.empty() : Optional.of(glob(include).orElse(NOTHING));
        Optional<Pattern> out = exclude.isEmpty() ? Optional.empty() : glob(exclude);
        List<Path> selected = new ArrayList<>();
        try (Stream<Path> walk = recurse ? Files.walk(dir) : Files.list(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (!MANIFEST.matcher(f.getFileName().toString()).matches()) {
                    continue;
                }
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (out.isPresent() && out.get().matcher(rel).matches()) {
                    continue;
                }
                if (in.isPresent() && !in.get().matcher(rel).matches()) {
                    continue;
                }
                if (Files.size(f) < (8 << 20) && Files.readString(f).contains(SKIP_MARKER)) {
                    continue;
                }
                selected.add(f);
            }
        }
        return selected;
    }

    private static final Pattern NOTHING = Pattern.compile("(?!)");

    /** A gobwas/glob pattern (no separators) as a regular expression; empty when it does not compile. */
    static Optional<Pattern> glob(String pattern) {
        StringBuilder re = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> {
                    re.append(".*");
                    while (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                        i++;
                    }
                }
                case '?' -> re.append('.');
                case '[' -> {
                    int end = pattern.indexOf(']', i + 1);
                    if (end < 0) {
                        return Optional.empty();
                    }
                    String cls = pattern.substring(i + 1, end);
                    re.append('[').append(cls.startsWith("!") ? "^" + cls.substring(1) : cls).append(']');
                    i = end;
                }
                case '{' -> {
                    braces++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        return Optional.empty();
                    }
                    braces--;
                    re.append(')');
                }
                case ',' -> re.append(braces > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 >= pattern.length()) {
                        return Optional.empty();
                    }
                    re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces != 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(re.toString()));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }
}
