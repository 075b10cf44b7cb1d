package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.scim.ScimException;

/** The reason an activity entry gives for a refused request: what its client was told, as data. */
final class Rejections {
    /** args: HTTP status, scimType (may be empty), the detail the client was given */
    static final String SCIM_REJECTED = "activity.rejected";

    private Rejections() {
    }

    static Reason reasonOf(ScimException e) {
        return Reason.of(SCIM_REJECTED, e.status(), e.scimType() == null ? "" : e.scimType().wire(), e.detail());
    }
}
