package dev.strata.charts;

import dev.strata.yaml.AtomicWrite;
import dev.strata.yaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sha256 of every chart archive a platform installs, like Helm's Chart.lock: written by
 * {@code strata charts pull} beside platform.yaml and committed with the tree. An archive whose
 * digest differs from its entry — the same version republished upstream, or a different file
 * handed over with --from — is refused.
 */
public final class ChartLock {

    public static final String FILE_NAME = "charts.lock";

    public record Entry(String repository, String name, String version, Optional<String> path, String digest) {
        boolean matches(ChartRef ref) {
            return repository.equals(ref.repository()) && name.equals(ref.name()) && version.equals(ref.version())
                    && path.equals(ref.path());
        }
    }

    private final List<Entry> entries;

    private ChartLock(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ChartLock empty() {
        return new ChartLock(List.of());
    }

    /** The lock at {@code file}; empty when there is none. */
    public static ChartLock read(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ChartException("reading " + file + ": " + e.getMessage(), e);
        }
        Map<?, ?> doc = ChartArchive.yamlMap(text, file.toString());
        if (!"ChartLock".equals(doc.get("kind"))) {
            throw new ChartException(file + ": not a chart lock (kind: ChartLock); it was written by something else");
        }
        List<Entry> out = new ArrayList<>();
        if (doc.get("charts") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("digest") != null) {
                    out.add(new Entry(str(m, "repository"), str(m, "name"), str(m, "version"),
                            Optional.ofNullable(m.get("path")).map(String::valueOf), str(m, "digest")));
                }
            }
        }
        return new ChartLock(out);
    }

    private static String str(Map<?, ?> m, String key) {
        return m.get(key) == null ? "" : String.valueOf(m.get(key));
    }

    public List<Entry> entries() {
        return entries;
    }

    public Optional<String> digest(ChartRef ref) {
        return entries.stream().filter(e -> e.matches(ref)).map(Entry::digest).findFirst();
    }

    /** A lock with {@code ref} recorded at {@code digest} (replacing an entry for the same chart version). */
    public ChartLock with(ChartRef ref, String digest) {
        List<Entry> out = new ArrayList<>(entries.stream().filter(e -> !e.matches(ref)).toList());
        out.add(new Entry(ref.repository(), ref.name(), ref.version(), ref.path(), digest));
        return new ChartLock(out);
    }

    /** Only the entries for these charts (a chart the platform no longer uses leaves the lock). */
    public ChartLock retain(List<ChartRef> refs) {
        return new ChartLock(entries.stream().filter(e -> refs.stream().anyMatch(e::matches)).toList());
    }

    /** The lock as committed text: sorted, so that the same charts always give the same file. */
    public String text() {
        List<Object> charts = new ArrayList<>();
        entries.stream().sorted(Comparator.comparing(Entry::name).thenComparing(Entry::version).thenComparing(Entry::repository))
                .forEach(e -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", e.name());
                    m.put("version", e.version());
                    m.put("repository", e.repository());
                    e.path().ifPresent(p -> m.put("path", p));
                    m.put("digest", e.digest());
                    charts.add(m);
                });
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "strata.dev/v1alpha1");
        doc.put("kind", "ChartLock");
        doc.put("charts", charts);
        return Yaml.dump(List.of(
                "Written by strata charts pull: the sha256 of every chart archive this platform installs.",
                "An archive whose digest differs from its entry here is refused. Commit this file with the tree."), doc);
    }

    public void write(Path file) {
        try {
            AtomicWrite.write(file, text());
        } catch (UncheckedIOException e) {
            throw new ChartException(e.getMessage(), e);
        }
    }
}
