package app.scimconsole.service;

import app.scimconsole.directory.OAuthStore;
import app.scimconsole.directory.OAuthStore.AccessToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Access tokens of the client credentials grant: made here, stored as digests, checked on every SCIM request. A
 * token is {@code <id>.<secret>}: found by its id, then its digest compared in constant time. The '.' never occurs
 * in a secret token (URL-safe Base64), so the two kinds are told apart without a lookup.
 *
 * <p>Each check reads the token from the store: one read by primary key, and the only way a client removed or an app
 * disabled on another instance stops the token at once rather than after a cached second.
 */
public final class AccessTokens {
    private static final byte[] NO_HASH = new byte[32];

    private final OAuthStore store;
    private final Clock clock;

    public AccessTokens(OAuthStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public enum Outcome { OK, UNKNOWN, EXPIRED, REVOKED, DISABLED, WRONG_TENANT }

    /** A check's outcome and, when the token was found, the token (for the activity entry: its tenant and client). */
    public record Check(Outcome outcome, AccessToken token) {
    }

    /** A new access token, shown once. */
    public record Issued(String token, Instant expires) {
        @Override
        public String toString() {
            return "Issued[token=(hidden), expires=" + expires + "]";
        }
    }

    static boolean looksLikeOne(String bearer) {
        return bearer != null && bearer.indexOf('.') > 0;
    }

    Issued issue(String tenantId, String clientId, Instant expires) {
        String id = UUID.randomUUID().toString();
        String token = id + "." + SecretTokens.generate();
        // Expired tokens are forgotten a day later: long enough for a late request to be told "expired".
        store.addAccessToken(id, tenantId, clientId, SecretTokens.hash(token), expires,
                clock.instant().minusSeconds(24 * 3600));
        return new Issued(token, expires);
    }

    Check check(String tenantId, String bearer) {
        String id = bearer.substring(0, bearer.indexOf('.'));
        Optional<AccessToken> found = store.accessToken(id);
        byte[] presented = SecretTokens.hash(bearer);
        // Compared even when nothing was found, so the time of a refusal does not tell whether the id exists.
        boolean matches = SecretTokens.matches(presented, found.map(AccessToken::hash).orElse(NO_HASH));
        if (found.isEmpty() || !matches) {
            return new Check(Outcome.UNKNOWN, null);
        }
        AccessToken t = found.get();
        Instant now = clock.instant();
        Outcome outcome = !t.tenantId().equals(tenantId) ? Outcome.WRONG_TENANT
                : t.clientRemoved() ? Outcome.REVOKED
                : !t.scimEnabled() ? Outcome.DISABLED
                : !t.expires().isAfter(now) ? Outcome.EXPIRED
                : Outcome.OK;
        return new Check(outcome, t);
    }
}
