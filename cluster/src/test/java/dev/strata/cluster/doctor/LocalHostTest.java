package dev.strata.cluster.doctor;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LocalHostTest {

    @Test
    void readsAKernelSettingWhole() throws Exception {
        Path p = Path.of("/proc/sys/kernel/pid_max");
        assumeTrue(Files.isReadable(p), "needs Linux /proc");
        long expected;
        try (var r = Files.newBufferedReader(p)) {
            expected = Long.parseLong(r.readLine().strip());
        }
        assertThat(expected).as("a multi-digit setting, so a one-byte read would show").isGreaterThan(9);
        assertThat(new LocalHost().sysctl("kernel.pid_max")).contains(expected);
    }
}
