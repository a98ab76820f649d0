package dev.strata.cluster.up;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * @param yes          no confirmation prompts (an existing cluster is used as is)
 * @param timeout      how long the wait for healthy Applications may take
 * @param imageArchive the sample API image tar ({@code ./mvnw -pl sample-api jib:buildTar}) to load into kind
 */
public record UpOptions(boolean yes, Duration timeout, Optional<Path> imageArchive) {

    public static UpOptions defaults() {
        return new UpOptions(false, Duration.ofMinutes(20), Optional.empty());
    }
}
