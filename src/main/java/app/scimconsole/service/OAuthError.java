package app.scimconsole.service;

import java.util.Locale;

/**
 * A refusal at the token endpoint, as RFC 6749 §5.2 names it. The description is the protocol's English answer to
 * the client (like {@code ScimProblem}'s details), never the owner's sentence: the owner reads the activity log.
 */
public final class OAuthError extends RuntimeException {
    /** The §5.2 error codes this endpoint uses, each with its HTTP status. */
    public enum Code {
        INVALID_REQUEST(400), INVALID_CLIENT(401), INVALID_GRANT(400), UNSUPPORTED_GRANT_TYPE(400);

        private final int status;

        Code(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** The value of the {@code error} member. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Code code;
    private final boolean basicUsed;

    OAuthError(Code code, String description, boolean basicUsed) {
        super(description, null, false, false);
        this.code = code;
        this.basicUsed = basicUsed;
    }

    static OAuthError request(String description) {
        return new OAuthError(Code.INVALID_REQUEST, description, false);
    }

    public Code code() {
        return code;
    }

    /** Whether the client authenticated with HTTP Basic: its 401 then carries {@code WWW-Authenticate: Basic}. */
    public boolean basicUsed() {
        return basicUsed;
    }

    public String description() {
        return getMessage();
    }
}
