package app.scimconsole.service;

import app.scimconsole.admin.Reason;

/**
 * A request of the event feed that is refused: its HTTP status, why as a code and arguments, and the English
 * sentence an app's developer reads in the answer.
 */
public final class EventsRefusal extends RuntimeException {
    private final int status;
    private final transient Reason reason;

    EventsRefusal(int status, String message, Reason reason) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public Reason reason() {
        return reason;
    }
}
