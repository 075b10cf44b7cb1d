package app.scimconsole.service;

import app.scimconsole.admin.Reason;

/** The owner's input for a federation trust is not acceptable; {@link #why()} says why as data. */
public final class FederationInputException extends OwnerInputException {
    FederationInputException(Reason why, String english) {
        super(why, english);
    }
}
