package dev.strata.cluster.process;

import java.time.Duration;
import java.util.List;

/**
 * Runs docker, kind and talosctl. The first element of the command is a tool name that the
 * runner resolves (PATH, Strata's tool cache, or an explicit override).
 */
public interface ProcessRunner {

    ProcessResult run(List<String> command, Duration timeout);

    /** Runs with the output streamed to the user's terminal as well (long steps like cluster creation). */
    default ProcessResult runVisible(List<String> command, Duration timeout) {
        return run(command, timeout);
    }
}
