package dev.strata.catalog;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** A command-line tool Strata drives (kind, talosctl, sops, age), pinned to a release. */
public record Tool(String name, String version, String confirmedFrom, LocalDate confirmedOn,
                   Optional<String> download, Optional<String> checksum, Map<String, String> images) {

    public Tool {
        download = download == null ? Optional.empty() : download;
        checksum = checksum == null ? Optional.empty() : checksum;
        images = images == null ? Map.of() : Map.copyOf(images);
    }
}
