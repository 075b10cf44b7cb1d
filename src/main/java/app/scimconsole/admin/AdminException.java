package app.scimconsole.admin;

import java.util.List;

/**
 * A failed admin call, with a message meant for the owner. {@code status} is the HTTP status, or 0 when none came.
 * Failures the client itself recognises (the service unreachable, a refused credential, …) also name their
 * {@link Reason} and its details, so that the console can say it in the owner's language; the message stays the
 * English sentence.
 */
public final class AdminException extends RuntimeException {
    /** What went wrong, when the client knows; the details are the reason's arguments, in order. */
    public enum Reason {
        /** details: the address as given */
        INVALID_ADDRESS,
        /** details: the host name */
        HOST_UNKNOWN,
        /** details: host:port */
        UNREACHABLE,
        TIMEOUT,
        /** details: what the TLS layer said */
        SECURE_CONNECTION,
        /** details: what the network layer said */
        NETWORK,
        CREDENTIAL_REFUSED,
        NOT_A_SERVICE,
        /** details: the HTTP status */
        SERVICE_FAILED
    }

    private final int status;
    private final Reason reason;
    private final List<String> details;

    public AdminException(int status, String message) {
        this(status, message, null);
    }

    public AdminException(int status, String message, Reason reason, String... details) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
        this.details = List.of(details);
    }

    public int status() {
        return status;
    }

    /** The recognised reason, or null when the service's own words are all there is. */
    public Reason reason() {
        return reason;
    }

    public List<String> details() {
        return details;
    }
}
