package dev.strata.charts;

/** A chart that cannot be fetched, verified, read or rendered; the message says which and why. */
public class ChartException extends RuntimeException {

    public ChartException(String message) {
        super(message);
    }

    public ChartException(String message, Throwable cause) {
        super(message, cause);
    }
}
