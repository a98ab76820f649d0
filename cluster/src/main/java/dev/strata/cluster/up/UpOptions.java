package dev.strata.cluster.up;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * @param yes          no confirmation prompts (an existing cluster is used as is)
 * @param timeout      how long the wait for healthy Applications may take
 * @param imageArchive the sample API image tar to load into kind, when the user gives one
 * @param checkout     the Strata checkout the CLI runs from, which can build the image when no archive is given
 */
public record UpOptions(boolean yes, Duration timeout, Optional<Path> imageArchive, Optional<Path> checkout) {

    public UpOptions(boolean yes, Duration timeout, Optional<Path> imageArchive) {
        this(yes, timeout, imageArchive, Optional.empty());
    }

    public static UpOptions defaults() {
        return new UpOptions(false, Duration.ofMinutes(20), Optional.empty(), Optional.empty());
    }
}
