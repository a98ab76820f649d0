package dev.strata.check.load;

import java.nio.file.Path;
import java.util.Optional;

/** Builds a Kustomize directory into YAML; behind an interface so tests can fake the process. */
public interface Kustomizer {

    Result build(Path directory);

    /**
     * Builds with no load restrictions (files outside the directory may be read), as Flux's
     * kustomize-controller builds; by default the same as {@link #build(Path)}.
     */
    default Result buildUnrestricted(Path directory) {
        return build(directory);
    }

    /**
     * Builds the directory unchanged, with kustomize's origin annotations on each object so that
     * findings can point at the file it was written in; by default the same as {@link #build(Path)}.
     */
    default Result buildWithOrigins(Path directory) {
        return build(directory);
    }

    /** Outcome of a build. */
    sealed interface Result permits Built, Unavailable, Failed {
    }

    /**
     * The rendered multi-document YAML; {@code originBase}: the directory the paths of its origin
     * annotations are relative to, when they were asked for (see {@link Origins}).
     */
    record Built(String yaml, Optional<Path> originBase) implements Result {
        public Built(String yaml) {
            this(yaml, Optional.empty());
        }
    }

    /** No tool to build with; the directory is reported as skipped with this reason. */
    record Unavailable(String reason) implements Result {
    }

    /** The tool ran and failed; the message is reported as a finding. */
    record Failed(String message) implements Result {
    }
}
