package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.scim.ScimException;

/** The reason an activity entry gives for a refused request: the protocol's own code for it, and its arguments. */
final class Rejections {
    /** The prefix of a refusal's code; the rest is the {@link app.scimconsole.scim.ScimProblem}'s name. */
    static final String PREFIX = "scim.problem.";
    /** args: the domain */
    static final String DOMAIN_NOT_VERIFIED = PREFIX + "DOMAIN_NOT_VERIFIED";

    private Rejections() {
    }

    static Reason reasonOf(ScimException e) {
        return new Reason(PREFIX + e.problem().name(), e.args());
    }
}
