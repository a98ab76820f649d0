package dev.strata.catalog;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a release comes from: a Helm chart at a pinned version, or a directory of a git repository
 * at a pinned tag. {@code confirmedFrom} and {@code confirmedOn} say where the version was read.
 */
public record Source(String type, String repository, Optional<String> chart, Optional<String> path,
                     String version, Optional<String> appVersion, String confirmedFrom, LocalDate confirmedOn) {

    public Source {
        chart = chart == null ? Optional.empty() : chart;
        path = path == null ? Optional.empty() : path;
        appVersion = appVersion == null ? Optional.empty() : appVersion;
    }

    public boolean helm() {
        return "helm".equals(type);
    }
}
