package dev.strata.check;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Builds a cluster model from a {@code platform.yaml} found in the input. The CLI supplies it
 * (it owns spec parsing); the engine only detects the file and calls this.
 */
@FunctionalInterface
public interface ClusterModelFactory {

    Optional<ClusterModel> fromPlatformFile(Path platformYaml);
}
