package dev.strata.check.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Temporary directories the loader writes (overlays, vendored chart copies, extracted archives), removed after use. */
public final class TempTrees {

    private TempTrees() {
    }

    /** Deletes the directory and everything below it; a temporary directory left behind is harmless, so failures are ignored. */
    public static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // left behind: harmless
        }
    }
}
