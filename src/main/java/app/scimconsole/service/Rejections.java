package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;

/**
 * The reason given for a refused request (in the activity log, and in the admin API's errors): the protocol's own
 * code for it, and its arguments.
 */
public final class Rejections {
    /** args: the domain */
    static final String DOMAIN_NOT_VERIFIED = ScimProblem.DOMAIN_NOT_VERIFIED.code();

    private Rejections() {
    }

    /** A protocol error as data: its problem's code and arguments. */
    public static Reason reasonOf(ScimException e) {
        return new Reason(e.problem().code(), e.args());
    }
}
