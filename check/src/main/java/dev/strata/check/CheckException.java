package dev.strata.check;

/** A usage or configuration mistake in the check engine; its message is for the user. */
public class CheckException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CheckException(String message) {
        super(message);
    }

    public CheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
