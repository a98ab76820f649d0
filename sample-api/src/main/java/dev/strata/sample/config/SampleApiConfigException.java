package dev.strata.sample.config;

/** A configuration value is missing or malformed; the message names the key and what to do. */
public final class SampleApiConfigException extends RuntimeException {
    public SampleApiConfigException(String message) {
        super(message);
    }
}
