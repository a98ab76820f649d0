package dev.strata.charts.fetch;

import java.util.Optional;

/**
 * A chart archive as it arrived, with the digest its source publishes for it (a repository index's
 * {@code digest}, an OCI layer digest) when there is one, and the URL it came from.
 */
public record Fetched(byte[] archive, Optional<String> publishedDigest, String from) {
}
