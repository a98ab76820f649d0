package dev.strata.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Configuration a component needs besides its chart to do anything, and what it is for: either an
 * object of {@code kind} in API group {@code group} (MetalLB: an IPAddressPool, to have addresses to
 * hand out), or a values key whose value is not one that does nothing ({@code valuesKey} not in
 * {@code inertValues}: external-dns with the in-memory provider publishes nowhere).
 */
public record Need(String group, String kind, String purpose, Optional<String> valuesKey, List<String> inertValues) {

    public Need {
        group = group == null ? "" : group;
        kind = kind == null ? "" : kind;
        valuesKey = valuesKey == null ? Optional.empty() : valuesKey;
        inertValues = inertValues == null ? List.of() : List.copyOf(inertValues);
        if (purpose == null || purpose.isBlank() || kind.isBlank() == valuesKey.isEmpty()) {
            throw new IllegalArgumentException("a need names either a kind or a values key, and its purpose");
        }
    }

    public boolean object() {
        return !kind.isBlank();
    }
}
