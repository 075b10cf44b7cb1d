package app.scimconsole.client;

/** A failed admin call, with a message meant for the owner. {@code status} is the HTTP status, or 0 when none came. */
public final class AdminException extends RuntimeException {
    private final int status;

    public AdminException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
