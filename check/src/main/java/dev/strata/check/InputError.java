package dev.strata.check;

/** An input that could not be read at all (missing path, unreadable file). */
public record InputError(String path, String message) {
}
