package dev.strata.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file completely or not at all: into a temporary file beside it, then one rename. A
 * reader (another Strata process, git, Argo CD) never sees half a file, and an interrupted write
 * leaves the previous file in place. Files are readable by all (0644), as an editor would write
 * them — never the 0600 of a temporary file.
 */
public final class AtomicWrite {

    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** Writes the temporary file; the path is created and empty. */
    @FunctionalInterface
    public interface Writer {
        void write(Path temporary) throws IOException;
    }

    private AtomicWrite() {
    }

    public static void write(Path target, String content) {
        write(target, tmp -> Files.writeString(tmp, content, StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) {
        write(target, tmp -> Files.write(tmp, content));
    }

    /** Copies {@code source} to {@code target} in one step. */
    public static void copy(Path source, Path target) {
        write(target, tmp -> Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING));
    }

    /** @throws UncheckedIOException naming the target when the write fails */
    public static void write(Path target, Writer writer) {
        write(target, READABLE, writer);
    }

    /** As {@link #write(Path, Writer)}, for a program: executable by all (0755) from the moment it appears. */
    public static void writeExecutable(Path target, Writer writer) {
        write(target, EXECUTABLE, writer);
    }

    private static void write(Path target, Set<PosixFilePermission> permissions, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                writer.write(tmp);
                if (POSIX) {
                    Files.setPosixFilePermissions(tmp, permissions);
                }
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + target + ": " + e.getMessage(), e);
        }
    }

    /** Renames in one step where the file system can, else replaces. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
