package app.scimconsole.admin;

import java.util.List;

/**
 * A failed admin call. {@code status} is the HTTP status, or 0 when none came. The message is the service's or the
 * client's own words, for logs. Failures the client itself recognises (the service unreachable, a refused
 * credential, …) name their {@link Reason} and its details; any failure may carry a {@link #why() reason as data}
 * (a code and its arguments, e.g. a domain that is not registered), which travels over the wire with the error,
 * so that the console can say either in the owner's language.
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
    private final transient app.scimconsole.admin.Reason why;

    public AdminException(int status, String message) {
        this(status, message, null, null, List.of());
    }

    public AdminException(int status, String message, Reason reason, String... details) {
        this(status, message, null, reason, List.of(details));
    }

    /** A failure whose reason is data: {@code message} is for logs, people read {@code why}. */
    public AdminException(int status, String message, app.scimconsole.admin.Reason why) {
        this(status, message, why, null, List.of());
    }

    private AdminException(int status, String message, app.scimconsole.admin.Reason why, Reason reason,
            List<String> details) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
        this.details = details;
        this.why = why;
    }

    public int status() {
        return status;
    }

    /** The reason the client recognised, or null. */
    public Reason reason() {
        return reason;
    }

    public List<String> details() {
        return details;
    }

    /** The failure's reason as a code and its arguments, or null when there is none. */
    public app.scimconsole.admin.Reason why() {
        return why;
    }
}
