package dev.strata.cluster.fakes;

import dev.strata.cluster.doctor.Host;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public final class FakeHost implements Host {

    public Optional<Long> memory = Optional.of(16L << 30);
    public final Set<Integer> busyPorts = new HashSet<>();
    public final Map<String, Long> sysctls = new HashMap<>(Map.of("fs.inotify.max_user_watches", 524288L, "fs.inotify.max_user_instances", 512L));

    @Override
    public Optional<Long> memoryAvailable() {
        return memory;
    }

    @Override
    public boolean listening(int port) {
        return busyPorts.contains(port);
    }

    @Override
    public Optional<Long> sysctl(String key) {
        return Optional.ofNullable(sysctls.get(key));
    }

    public Optional<Long> disk = Optional.of(100L << 30);

    @Override
    public Optional<Long> freeDisk(java.nio.file.Path dir) {
        return disk;
    }

    @Override
    public boolean linux() {
        return true;
    }
}
