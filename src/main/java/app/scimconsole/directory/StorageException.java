package app.scimconsole.directory;

/** The store failed for a reason no client caused (I/O, corruption, a bug): an HTTP 500 at the edge. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
