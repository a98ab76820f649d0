package dev.strata.check;

/** A usage or configuration mistake in the check engine; its message is for the user. */
public class CheckException extends RuntimeException {

    public CheckException(String message) {
        super(message);
    }

    public CheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
