package app.scimconsole.service;

import java.util.Locale;

/**
 * A refusal at the token endpoint, as RFC 6749 §5.2 names it. The description is the protocol's English answer to
 * the client (like {@code ScimProblem}'s details), never the owner's sentence: the owner reads the activity log.
 */
public final class OAuthError extends RuntimeException {
    /** The §5.2 error codes this endpoint uses, each with its HTTP status. */
    public enum Code {
        INVALID_REQUEST(400), INVALID_CLIENT(401), INVALID_GRANT(400), UNSUPPORTED_GRANT_TYPE(400),
        /**
         * Too many requests from one address or for one client: 429 with Retry-After (RFC 6585). §5.2 has no code
         * for it; the body says {@code temporarily_unavailable}, as §4.1.2.1 does for a server that cannot answer now.
         */
        TOO_MANY_REQUESTS(429, "temporarily_unavailable");

        private final int status;
        private final String wire;

        Code(int status) {
            this(status, null);
        }

        Code(int status, String wire) {
            this.status = status;
            this.wire = wire;
        }

        public int status() {
            return status;
        }

        /** The value of the {@code error} member. */
        public String wire() {
            return wire != null ? wire : name().toLowerCase(Locale.ROOT);
        }
    }

    private final Code code;
    private final boolean basicUsed;
    private final long retryAfterSeconds;

    OAuthError(Code code, String description, boolean basicUsed) {
        this(code, description, basicUsed, 0);
    }

    private OAuthError(Code code, String description, boolean basicUsed, long retryAfterSeconds) {
        super(description, null, false, false);
        this.code = code;
        this.basicUsed = basicUsed;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static OAuthError tooMany(String description, long retryAfterSeconds) {
        return new OAuthError(Code.TOO_MANY_REQUESTS, description, false, retryAfterSeconds);
    }

    /** The seconds the client is asked to wait ({@code Retry-After}); 0 when it need not. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
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
