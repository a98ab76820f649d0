package dev.strata.cluster.doctor;

import java.nio.file.Path;
import java.util.Optional;

/** What doctor reads from the machine itself. */
public interface Host {

    /** MemAvailable, in bytes, when the system says. */
    Optional<Long> memoryAvailable();

    /** Whether something already accepts connections on this TCP port of the loopback address. */
    boolean listening(int port);

    /** A numeric kernel setting such as {@code fs.inotify.max_user_watches}, on Linux. */
    Optional<Long> sysctl(String key);

    boolean linux();

    /** Free bytes on the file system holding {@code dir}, when it is on this machine. */
    Optional<Long> freeDisk(Path dir);
}
