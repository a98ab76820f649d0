package dev.strata.check.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Finds a call to Helm's {@code lookup} function in a chart's templates, its unpacked subcharts
 * and its packaged subcharts (charts/*.tgz), which would make rendering contact a cluster.
 */
public final class LookupDetector {

    private static final Pattern LOOKUP = Pattern.compile("\\{\\{-?[^}]*\\blookup\\b");

    private LookupDetector() {
    }

    /** The chart-relative file that calls lookup, if any. */
    public static Optional<String> find(Path chart) {
        try (Stream<Path> files = Files.walk(chart)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tgz")) {
                    Optional<String> inArchive = scanArchive(file);
                    if (inArchive.isPresent()) {
                        return Optional.of(chart.relativize(file) + "!" + inArchive.get());
                    }
                } else if (file.toString().contains("/templates/") && Files.size(file) < 4_000_000) {
                    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                    if (LOOKUP.matcher(text).find()) {
                        return Optional.of(chart.relativize(file).toString());
                    }
                }
            }
        } catch (IOException e) {
            return Optional.of("(unreadable chart: " + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    /** Reads a .tgz with a minimal tar reader (512-byte headers) and scans template entries. */
    private static Optional<String> scanArchive(Path archive) throws IOException {
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive)))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "").strip();
                if (name.isEmpty()) {
                    return Optional.empty();
                }
                String sizeText = new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").strip();
                long size;
                try {
                    size = sizeText.isEmpty() ? 0 : Long.parseLong(sizeText, 8);
                } catch (NumberFormatException e) {
                    return Optional.of("(unreadable archive " + archive.getFileName() + ")");
                }
                byte[] body = in.readNBytes((int) Math.min(size, 8_000_000));
                long padding = (512 - size % 512) % 512;
                in.skipNBytes(padding + Math.max(0, size - body.length));
                if (name.contains("/templates/")
                        && LOOKUP.matcher(new String(body, StandardCharsets.ISO_8859_1)).find()) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }
}
