package app.scimconsole.service;

import app.scimconsole.directory.Directory.Token;
import app.scimconsole.directory.Directory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a request's bearer token against the hashes of its tenant's live tokens. A token works only for
 * its own tenant and only while the SCIM app is enabled.
 *
 * <p>What it read of a tenant's tokens serves the requests of the next second, unless this process changed a
 * tenant or token meanwhile (then the next request reads again): reading them on every request cost a tenth
 * of the service's time. Nothing is refused on that reading alone: a request it would refuse (an unknown token, a
 * disabled app) is judged again on a new one, so a token issued or an app enabled by another process works at
 * once; a token revoked or an app disabled by another process stops working within {@link #REREAD_AFTER}.
 *
 * <p>The time of a 401 must not tell which tenants exist, so every refusal takes the same steps whether the tenant
 * exists or not: one look at the kept readings and one check against what it finds (a tenant with no fresh reading,
 * an unknown one always, is checked against a decoy digest that no token has); then one read of the tenant's tokens
 * from the store (one statement, answered alike for an unknown tenant: {@link Directory#tenantTokens}), one check
 * against it, and one change of the kept readings (an existing tenant's reading kept, an unknown tenant's removed, so
 * an unknown tenant id is never stored). Every check compares the presented digest in constant time with every
 * token's, or with the decoy when there is none.
 */
public final class Authenticator {
    /** Last-use time is kept to the minute: writing it on every request would halve write throughput. */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);
    public static final Duration REREAD_AFTER = Duration.ofSeconds(1);

    private final Directory directory;
    private final Clock clock;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();

    public Authenticator(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public enum Outcome { OK, NO_TENANT, DISABLED, NO_CREDENTIALS, WRONG_TOKEN }

    /** A tenant's tokens as read at {@code nanoTime}, when the store's credentials were at {@code version}. */
    private record Reading(Directory.TenantTokens tokens, long version, long nanoTime) {
    }

    /** Checks the presented header; a match is recorded as the token's last use (to the minute). */
    public Outcome authenticate(String tenantId, String authorizationHeader) {
        Instant now = clock.instant();
        String presented = bearer(authorizationHeader);
        byte[] hash = presented == null ? null : SecretTokens.hash(presented);
        Reading kept = kept(tenantId);
        // Without a fresh reading this checks the decoy (and fails), so a refusal always checks twice and reads once.
        Check check = check(kept != null ? Optional.of(kept.tokens()) : Optional.empty(), hash, now);
        if (check.outcome() != Outcome.OK) {
            check = check(read(tenantId, now), hash, now);
        }
        Token match = check.token();
        boolean useIsStale = match != null
                && (match.lastUsed() == null || match.lastUsed().plus(USE_RESOLUTION).isBefore(now));
        if (useIsStale) {
            directory.recordTokenUse(match.id(), now);
        }
        return check.outcome();
    }

    /** An outcome, and the token that matched when it is OK. */
    private record Check(Outcome outcome, Token token) {
    }

    /** Compares before it judges: an unknown tenant's and a disabled app's refusals compare as a wrong token's do. */
    private static Check check(Optional<Directory.TenantTokens> found, byte[] hash, Instant now) {
        if (hash == null) { // first, so that a request without credentials cannot tell whether the tenant exists
            return new Check(Outcome.NO_CREDENTIALS, null);
        }
        Token match = match(found.map(Directory.TenantTokens::tokens).orElse(List.of()), hash, now);
        if (found.isEmpty()) {
            return new Check(Outcome.NO_TENANT, null);
        }
        if (!found.get().tenant().scimEnabled()) {
            return new Check(Outcome.DISABLED, null);
        }
        return new Check(match == null ? Outcome.WRONG_TOKEN : Outcome.OK, match);
    }

    /** The last reading of the tenant's tokens while it is recent and nothing changed here since; else null. */
    private Reading kept(String tenantId) {
        Reading last = readings.get(tenantId);
        boolean fresh = last != null && last.version() == directory.credentialsVersion()
                && System.nanoTime() - last.nanoTime() < REREAD_AFTER.toNanos();
        return fresh ? last : null;
    }

    /** The tenant's tokens as stored now, kept for the next requests. */
    private Optional<Directory.TenantTokens> read(String tenantId, Instant now) {
        long version = directory.credentialsVersion(); // before the read: a change during it makes the reading stale
        long nanos = System.nanoTime();
        Optional<Directory.TenantTokens> found = directory.tenantTokens(tenantId, now);
        // One operation on the map either way; an unknown tenant's id is never stored.
        readings.compute(tenantId, (id, last) -> found.map(t -> new Reading(t, version, nanos)).orElse(null));
        return found;
    }

    /**
     * The live token with this hash; compares with every token, not stopping at a match, and with a decoy digest
     * when there is none, so that timing says nothing.
     */
    private static Token match(List<Token> tokens, byte[] hash, Instant now) {
        if (tokens.isEmpty()) {
            SecretTokens.matchesNone(hash);
            return null;
        }
        Token match = null;
        for (Token t : tokens) {
            boolean live = t.expires() == null || t.expires().isAfter(now);
            if (SecretTokens.matches(hash, t.hash()) && live && match == null) {
                match = t;
            }
        }
        return match;
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    static String bearer(String header) {
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
