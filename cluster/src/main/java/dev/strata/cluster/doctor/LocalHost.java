package dev.strata.cluster.doctor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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

    @Override
    public Optional<Long> sysctl(String key) {
        try {
            return Optional.of(Long.parseLong(Files.readString(Path.of("/proc/sys/" + key.replace('.', '/'))).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean linux() {
        return Files.isDirectory(Path.of("/proc/sys"));
    }
}
