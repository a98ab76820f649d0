package dev.strata.cli;

import dev.strata.spec.PlatformSpec;
import dev.strata.spec.SpecLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** The {@code -f FILE} option every command that reads a spec shares. */
public final class SpecFile {

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", defaultValue = "platform.yaml",
            description = "The platform spec (default: ${DEFAULT-VALUE} in the current directory).")
    Path file;

    public Path path() {
        return file;
    }

    /** The spec the running command loaded last: plan problems are reported at their line in it. */
    private static final ThreadLocal<Path> LOADED = new ThreadLocal<>();

    public PlatformSpec load() {
        LOADED.set(file);
        return SpecLoader.bundled().load(file);
    }

    static Optional<Path> loaded() {
        return Optional.ofNullable(LOADED.get());
    }

    static void forget() {
        LOADED.remove();
    }
}
