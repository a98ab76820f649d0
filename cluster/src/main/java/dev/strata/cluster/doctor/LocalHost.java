package dev.strata.cluster.doctor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The machine Strata runs on, read from /proc on Linux. */
public final class LocalHost implements Host {

    @Override
    public Optional<Long> memoryAvailable() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or unreadable: unknown
        }
        return Optional.empty();
    }

    @Override
    public boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Read through a stream, not {@code Files.readString}: procfs reports a size of 0 and, on some
     * kernels, a size-based read returns only the first byte ("1" for 192536).
     */
    @Override
    public Optional<Long> sysctl(String key) {
        try (var in = Files.newInputStream(Path.of("/proc/sys/" + key.replace('.', '/')))) {
            return Optional.of(Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Long> freeDisk(Path dir) {
        try {
            return Files.isDirectory(dir) ? Optional.of(Files.getFileStore(dir).getUsableSpace()) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean linux() {
        return Files.isDirectory(Path.of("/proc/sys"));
    }
}
