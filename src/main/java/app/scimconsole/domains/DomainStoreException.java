package app.scimconsole.domains;

/** The database could not be read or written. */
public final class DomainStoreException extends RuntimeException {
    public DomainStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
