package dev.strata.catalog;

/** The bundled catalog (or one supplied for a test) cannot be read. */
public class CatalogException extends RuntimeException {

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
