package dev.strata.cli;

/** A mistake in how a command was used (an existing file, a missing directory): printed, exit 2. */
public class UserException extends RuntimeException {

    public UserException(String message) {
        super(message);
    }
}
