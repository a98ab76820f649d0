package dev.strata.sample.items;

/** The store's backing service cannot be reached right now; retrying later may succeed. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
