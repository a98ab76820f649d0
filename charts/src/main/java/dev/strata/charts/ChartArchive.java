package dev.strata.charts;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.Set;
import java.util.TreeSet;

/**
 * A chart archive as {@code helm package} writes it: a gzipped tar with one top-level directory
 * named after the chart. Reading is bounded (entries, bytes, no paths outside the directory, no
 * links), since an archive comes from the network or from a folder someone handed over.
 */
public final class ChartArchive {

    static final int MAX_ENTRIES = 20_000;
    static final long MAX_BYTES = 256L << 20;

    private ChartArchive() {
    }

    /** What Chart.yaml says of itself; {@code version} is empty for a plain directory archive (a git source). */
    public record Metadata(String name, String version, Optional<String> appVersion) {
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ChartException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The archive's top-level directory and, when it holds one, its Chart.yaml.
     *
     * @throws ChartException when the file is not a readable gzipped tar with one top-level directory
     */
    public static Metadata metadata(Path archive) {
        String top = null;
        String chartYaml = null;
        try (TarArchiveInputStream tar = open(archive)) {
            int entries = 0;
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw new ChartException(archive.getFileName() + ": more than " + MAX_ENTRIES + " entries; not a chart archive");
                }
                String name = clean(e.getName());
                if (name.isEmpty()) {
                    continue;
                }
                String first = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
                if (top == null) {
                    top = first;
                } else if (!top.equals(first)) {
                    throw new ChartException(archive.getFileName() + ": holds more than one top-level entry (" + top + ", " + first
                            + "); a chart archive holds one directory named after the chart");
                }
                if (name.equals(top + "/Chart.yaml") && e.isFile()) {
                    chartYaml = new String(tar.readNBytes(1 << 20), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new ChartException(archive.getFileName() + ": not a gzipped tar archive (" + e.getMessage() + ")", e);
        }
        if (top == null) {
            throw new ChartException(archive.getFileName() + ": the archive is empty");
        }
        if (chartYaml == null) {
            return new Metadata(top, "", Optional.empty());
        }
        Map<?, ?> chart = yamlMap(chartYaml, archive.getFileName() + " " + top + "/Chart.yaml");
        Object version = chart.get("version");
        Object app = chart.get("appVersion");
        return new Metadata(String.valueOf(chart.get("name")), version == null ? "" : String.valueOf(version),
                Optional.ofNullable(app).map(String::valueOf));
    }

    /**
     * Extracts the archive into {@code target} (which must exist); returns the chart's directory.
     * Symbolic and hard links are skipped; a path leaving the target is refused.
     */
    public static Path extract(Path archive, Path target) {
        String top = null;
        long bytes = 0;
        try (TarArchiveInputStream tar = open(archive)) {
            int entries = 0;
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw new ChartException(archive.getFileName() + ": more than " + MAX_ENTRIES + " entries");
                }
                String name = clean(e.getName());
                if (name.isEmpty() || e.isSymbolicLink() || e.isLink()) {
                    continue;
                }
                Path out = target.resolve(name).normalize();
                if (!out.startsWith(target) || name.split("/")[0].equals("..")) {
                    throw new ChartException(archive.getFileName() + ": entry " + e.getName() + " points outside the archive");
                }
                if (top == null) {
                    top = name.split("/")[0];
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e.isFile()) {
                    Files.createDirectories(out.getParent());
                    bytes += copy(tar, out, MAX_BYTES - bytes);
                    if (bytes > MAX_BYTES) {
                        throw new ChartException(archive.getFileName() + ": unpacks to more than " + (MAX_BYTES >> 20) + " MiB");
                    }
                }
            }
        } catch (IOException e) {
            throw new ChartException(archive.getFileName() + ": cannot be unpacked (" + e.getMessage() + ")", e);
        }
        if (top == null) {
            throw new ChartException(archive.getFileName() + ": the archive is empty");
        }
        return target.resolve(top);
    }

    /**
     * What an archive tells without rendering: whether a template asks {@code .Capabilities.APIVersions},
     * and the API versions ({@code group/version}, {@code group/version/Kind}) of the CRDs in the
     * {@code crds/} folders of the chart and its dependencies (enabled or not).
     */
    public record Scan(boolean asksApiVersions, Set<String> crdApiVersions) {
    }

    public static Scan scan(Path archive) {
        boolean asks = false;
        Set<String> versions = new TreeSet<>();
        try (TarArchiveInputStream tar = open(archive)) {
            int entries = 0;
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES || !e.isFile()) {
                    continue;
                }
                String name = clean(e.getName());
                boolean template = name.contains("/templates/");
                boolean crd = name.contains("/crds/") && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
                if (name.endsWith(".tgz") && name.contains("/charts/")) {
                    Path nested = Files.createTempFile("strata-scan-", ".tgz");
                    try {
                        Files.write(nested, readBounded(tar, MAX_BYTES, name));
                        Scan inner = scan(nested);
                        asks |= inner.asksApiVersions();
                        versions.addAll(inner.crdApiVersions());
                    } finally {
                        Files.deleteIfExists(nested);
                    }
                    continue;
                }
                if (!template && !crd) {
                    continue;
                }
                String text = new String(readBounded(tar, MAX_BYTES, name), StandardCharsets.UTF_8);
                if (template) {
                    asks |= text.contains(".Capabilities.APIVersions");
                } else {
                    versions.addAll(crdVersions(text));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Scan(true, Set.of()); // unknown: treat as asking, so it is rendered with everything known
        }
        return new Scan(asks, versions);
    }

    private static List<String> crdVersions(String text) {
        List<String> out = new ArrayList<>();
        for (Object doc : new Load(LoadSettings.builder().setCodePointLimit(64 << 20).build()).loadAllFromString(text)) {
            if (doc instanceof Map<?, ?> m && "CustomResourceDefinition".equals(m.get("kind")) && m.get("spec") instanceof Map<?, ?> spec) {
                String group = String.valueOf(spec.get("group"));
                String kind = spec.get("names") instanceof Map<?, ?> n ? String.valueOf(n.get("kind")) : "";
                if (spec.get("versions") instanceof List<?> vs) {
                    for (Object v : vs) {
                        if (v instanceof Map<?, ?> vm && !Boolean.FALSE.equals(vm.get("served"))) {
                            out.add(group + "/" + vm.get("name"));
                            out.add(group + "/" + vm.get("name") + "/" + kind);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Packs a directory as {@code <name>/...} into a gzipped tar (files in name order, so the bytes are stable). */
    public static void pack(Path directory, String name, Path archive) {
        List<Path> files = new ArrayList<>();
        try (var walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new ChartException("listing " + directory + ": " + e.getMessage(), e);
        }
        try (OutputStream out = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path f : files) {
                String rel = directory.relativize(f).toString().replace('\\', '/');
                TarArchiveEntry entry = new TarArchiveEntry(name + "/" + rel);
                entry.setSize(Files.size(f));
                entry.setModTime(0);
                tar.putArchiveEntry(entry);
                Files.copy(f, tar);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new ChartException("packing " + directory + ": " + e.getMessage(), e);
        }
    }

    private static long copy(InputStream in, Path out, long budget) throws IOException {
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (OutputStream os = Files.newOutputStream(out)) {
            for (int r; (r = in.read(buf)) > 0; ) {
                n += r;
                if (n > budget) {
                    return n;
                }
                os.write(buf, 0, r);
            }
        }
        return n;
    }

    private static TarArchiveInputStream open(Path archive) throws IOException {
        return new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(archive), 1 << 16));
    }

    private static String clean(String entryName) {
        String n = entryName.replace('\\', '/');
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        if (n.startsWith("/")) {
            n = "../" + n; // absolute paths are refused like parent references
        }
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    static Map<?, ?> yamlMap(String text, String what) {
        try {
            Object doc = new Load(LoadSettings.builder().setLabel(what).build()).loadFromString(text);
            if (doc instanceof Map<?, ?> m) {
                return m;
            }
        } catch (RuntimeException e) {
            throw new ChartException(what + ": not valid YAML (" + firstLine(e.getMessage()) + ")", e);
        }
        throw new ChartException(what + ": not a mapping");
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** Reads the whole stream into memory, refusing more than {@code max} bytes. */
    static byte[] readBounded(InputStream in, long max, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long n = 0;
        for (int r; (r = in.read(buf)) > 0; ) {
            n += r;
            if (n > max) {
                throw new ChartException(what + " is larger than " + (max >> 20) + " MiB");
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }
}
