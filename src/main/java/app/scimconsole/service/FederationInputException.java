package app.scimconsole.service;

import app.scimconsole.admin.Reason;

/** The owner's input for a federation trust is not acceptable; {@link #why()} says why as data. */
public final class FederationInputException extends IllegalArgumentException {
    private final transient Reason why;

    FederationInputException(Reason why, String english) {
        super(english);
        this.why = why;
    }

    public Reason why() {
        return why;
    }
}
