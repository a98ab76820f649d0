package dev.strata.cli;

import dev.strata.spec.PlatformSpec;
import dev.strata.spec.SpecLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code -f FILE} option every command that reads a spec shares. */
public final class SpecFile {

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", defaultValue = "platform.yaml",
            description = "The platform spec (default: ${DEFAULT-VALUE} in the current directory).")
    Path file;

    public Path path() {
        return file;
    }

    public PlatformSpec load() {
        return SpecLoader.bundled().load(file);
    }
}
