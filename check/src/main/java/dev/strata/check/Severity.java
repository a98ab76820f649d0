package dev.strata.check;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How bad a finding is; a threshold keeps findings at or above it. */
public enum Severity {
    WARNING, ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }

    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.label().equals(text.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new CheckException("unknown severity \"" + text + "\"; known: "
                + Arrays.stream(values()).map(Severity::label).collect(Collectors.joining(", ")));
    }
}
