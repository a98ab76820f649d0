package dev.strata.check.load;

import dev.strata.check.Skipped;
import dev.strata.check.graph.Resource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads one file into objects, or says why it was skipped: too large, binary (a NUL byte in the first
 * 8 KiB), not UTF-8, a template of another tool that does not parse, or no Kubernetes objects.
 */
final class ManifestFileReader {

    /** Objects and problems of a file, or the reason it was skipped. */
    record Outcome(List<Resource> resources, List<LoadProblem> problems, Optional<Skipped> skipped) {
    }

    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final ManifestParser parser;

    ManifestFileReader(ManifestParser parser) {
        this.parser = parser;
    }

    Outcome read(Path file, String shown, String defaultNamespace) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return skip(shown, "larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
            }
            byte[] bytes = Files.readAllBytes(file);
            int probe = Math.min(bytes.length, 8192);
            for (int i = 0; i < probe; i++) {
                if (bytes[i] == 0) {
                    return skip(shown, "binary file");
                }
            }
            // The JDK's fast decoding replaces malformed bytes with U+FFFD; only a text holding one
            // (rare in manifests) is decoded again strictly to tell a bad byte from a real U+FFFD.
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') >= 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes));
                } catch (CharacterCodingException e) {
                    return skip(shown, "not utf-8 text (binary?)");
                }
            }
            ManifestParser.Parsed parsed = parser.parse(text, shown, "file:" + shown, defaultNamespace);
            if (!parsed.problems().isEmpty() && (text.contains("{{") || text.contains("{%"))) {
                return skip(shown, "a template ({{ }} or {% %}), not plain yaml: " + parsed.problems().getFirst().message()
                        + " at line " + parsed.problems().getFirst().line());
            }
            if (parsed.resources().isEmpty() && parsed.problems().isEmpty()) {
                return skip(shown, parsed.nonObjects() > 0 ? "no kubernetes objects" : "empty");
            }
            return new Outcome(parsed.resources(), parsed.problems(), Optional.empty());
        } catch (IOException e) {
            return skip(shown, "unreadable: " + e.getMessage());
        }
    }

    private static Outcome skip(String file, String reason) {
        return new Outcome(List.of(), List.of(), Optional.of(new Skipped(file, reason)));
    }
}
