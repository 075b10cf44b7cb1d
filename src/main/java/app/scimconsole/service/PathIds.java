package app.scimconsole.service;

import app.scimconsole.scim.StorableText;

/**
 * Ids read from a URL path that no tenant or resource can have. The store makes every id a UUID, so one with a
 * control character names nothing; one with text that cannot be stored ({@link StorableText}) would also be refused
 * by PostgreSQL in the look-up itself. Such an id is answered "not found" without asking the store, and on a
 * tenant's own endpoint the refusal is logged: a client probing with it is worth the owner's notice.
 */
final class PathIds {
    private PathIds() {
    }

    static boolean namesNothing(String id) {
        if (!StorableText.isStorable(id)) {
            return true;
        }
        // a plain loop: every request asks this of its tenant id, most of them of a resource id too (issue 21)
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
