package dev.strata.sample.telemetry;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** Routes java.util.logging (used by Helidon and by this service) to JSON lines on stdout. */
public final class JsonLogging {

    private JsonLogging() {
    }

    /** Replaces the root handlers with one JSON line handler on stdout at the given level. */
    public static void install(String level) {
        install(level, new FileOutputStream(FileDescriptor.out));
    }

    public static void install(String level, OutputStream out) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        Level julLevel = julLevel(level);
        JsonLineHandler handler = new JsonLineHandler(out);
        handler.setLevel(julLevel);
        root.addHandler(handler);
        root.setLevel(julLevel);
    }

    public static Level julLevel(String level) {
        return switch (level) {
            case "TRACE" -> Level.FINEST;
            case "DEBUG" -> Level.FINE;
            case "WARN" -> Level.WARNING;
            case "ERROR" -> Level.SEVERE;
            default -> Level.INFO;
        };
    }
}
