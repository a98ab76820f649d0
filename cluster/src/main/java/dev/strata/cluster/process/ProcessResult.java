package dev.strata.cluster.process;

import java.util.List;

/** How an external command ended. Exit code 127 means the executable was not found. */
public record ProcessResult(List<String> command, int exitCode, String stdout, String stderr) {

    public static final int NOT_FOUND = 127;

    public boolean ok() {
        return exitCode == 0;
    }

    /** The last non-blank line of stderr (or stdout), for one-line error messages. */
    public String lastError() {
        String text = stderr.isBlank() ? stdout : stderr;
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
