package app.scimconsole.domains;

/** A zone file or pasted zone text could not be read; the message says why in plain words. */
public final class ZoneFileException extends RuntimeException {
    public ZoneFileException(String message) {
        super(message);
    }
}
