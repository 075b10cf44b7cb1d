package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;

/** The reason an activity entry gives for a refused request: the protocol's own code for it, and its arguments. */
final class Rejections {
    /** args: the domain */
    static final String DOMAIN_NOT_VERIFIED = ScimProblem.DOMAIN_NOT_VERIFIED.code();

    private Rejections() {
    }

    static Reason reasonOf(ScimException e) {
        return new Reason(e.problem().code(), e.args());
    }
}
