package app.scimconsole.service;

import app.scimconsole.admin.Reason;

/** What the owner asked for is not acceptable: {@link #why()} says why as data, the message in English. */
public class OwnerInputException extends IllegalArgumentException {
    private final transient Reason why;

    OwnerInputException(Reason why, String english) {
        super(english);
        this.why = why;
    }

    public Reason why() {
        return why;
    }
}
