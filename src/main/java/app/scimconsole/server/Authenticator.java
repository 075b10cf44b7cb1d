package app.scimconsole.server;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.Directory.Token;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a request's bearer token against the hashes of its tenant's live tokens. A token works only for
 * its own tenant and only while the SCIM app is enabled.
 */
final class Authenticator {
    /** Last-use time is kept to the minute: writing it on every request would halve write throughput. */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    private final Directory directory;
    private final Clock clock;

    Authenticator(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    enum Outcome { OK, NO_TENANT, DISABLED, NO_CREDENTIALS, WRONG_TOKEN }

    /** {@code countUse}: record the token's last use (not for the console's own connection test). */
    Outcome authenticate(String tenantId, String authorizationHeader, boolean countUse) {
        Instant now = clock.instant();
        Optional<Directory.TenantTokens> found = directory.tenantTokens(tenantId, now);
        if (found.isEmpty()) {
            return Outcome.NO_TENANT;
        }
        if (!found.get().tenant().scimEnabled()) {
            return Outcome.DISABLED;
        }
        String presented = bearer(authorizationHeader);
        if (presented == null) {
            return Outcome.NO_CREDENTIALS;
        }
        byte[] hash = SecretTokens.hash(presented);
        Token match = null;
        for (Token t : found.get().tokens()) {
            // Compare with every live token, not stopping at the first match, so timing says nothing.
            if (SecretTokens.matches(hash, t.hash()) && match == null) {
                match = t;
            }
        }
        if (match == null) {
            return Outcome.WRONG_TOKEN;
        }
        if (countUse && (match.lastUsed() == null || match.lastUsed().plus(USE_RESOLUTION).isBefore(now))) {
            directory.recordTokenUse(match.id(), now);
        }
        return Outcome.OK;
    }

    private static String bearer(String header) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = h.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
