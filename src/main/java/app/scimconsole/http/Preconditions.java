package app.scimconsole.http;

import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;

/** ETag preconditions (RFC 7644 §3.14): versions are weak ETags of the form {@code W/"<n>"}. */
final class Preconditions {
    private Preconditions() {
    }

    /** The version an {@code If-Match} header demands, or null for none or {@code *}. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Long v = null;
        for (String tag : ifMatch.split(",")) {
            Long parsed = parse(tag);
            if (parsed != null) {
                v = parsed;
                break;
            }
        }
        if (v == null) {
            // Not one of our ETags: it cannot match the current version.
            throw new ScimException(ScimProblem.IF_MATCH_UNKNOWN_VERSION);
        }
        return v;
    }

    static boolean matchesAny(String header, long version) {
        if (header.trim().equals("*")) {
            return true;
        }
        for (String tag : header.split(",")) {
            Long parsed = parse(tag);
            if (parsed != null && parsed == version) {
                return true;
            }
        }
        return false;
    }

    private static Long parse(String tag) {
        String t = tag.trim();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        if (t.length() < 3 || t.charAt(0) != '"' || t.charAt(t.length() - 1) != '"') {
            return null;
        }
        try {
            return Long.parseLong(t.substring(1, t.length() - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
