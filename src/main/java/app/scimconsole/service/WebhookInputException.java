package app.scimconsole.service;

import app.scimconsole.admin.Reason;

/** The owner's input for a webhook endpoint is not acceptable; {@link #why()} says why as data. */
public final class WebhookInputException extends OwnerInputException {
    WebhookInputException(Reason why, String english) {
        super(why, english);
    }
}
