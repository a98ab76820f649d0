package dev.strata.catalog;

/** Another entry that must not be enabled together with this one, and why. */
public record Conflict(String id, String reason) {
}
