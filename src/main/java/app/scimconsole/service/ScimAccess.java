package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.Directory;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;
import app.scimconsole.scim.StorableText;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call a tenant's SCIM endpoint, and what their calls count for: a request is admitted with a live token of
 * its own tenant while the SCIM app is enabled; every admitted request counts as the token's use and, unless the
 * console's own connection test made it, as Entra's traffic (the setup waits for Entra's first request).
 */
public final class ScimAccess {
    /** args: what was attempted, e.g. {@code GET Users} */
    static final String WRONG_TOKEN = "activity.wrongToken";
    /** args: what was attempted */
    static final String APP_DISABLED = "activity.appDisabled";
    /** + ".expired", ".revoked", ".appDisabled" or ".wrongTenant"; args: what was attempted, the client id */
    static final String ACCESS_TOKEN_REFUSED = "activity.accessToken";
    /** args: what was attempted. An access token that no instance issued (or one forgotten a day after expiry). */
    static final String UNKNOWN_ACCESS_TOKEN = "activity.accessToken.unknown";
    private static final Logger LOG = LoggerFactory.getLogger(ScimAccess.class);
    /**
     * Refused authentications are written to the activity log at most this often per tenant (after a burst of
     * {@link #LOGGED_AUTH_FAILURE_BURST}): a client hammering with a wrong token must not turn each request into a
     * database write. It still gets its 401 every time.
     */
    static final double LOGGED_AUTH_FAILURES_PER_SECOND = 1;
    static final int LOGGED_AUTH_FAILURE_BURST = 20;

    private final Authenticator authenticator;
    private final AccessTokens accessTokens;
    private final ConsoleTestTags consoleTests;
    private final TrafficTracker traffic;
    private final ActivityRecorder activity;
    private final RefusalLog.Budget refusals;
    private final Clock clock;
    private final Directory directory;

    ScimAccess(Directory directory, AccessTokens accessTokens, ConsoleTestTags consoleTests, TrafficTracker traffic,
            ActivityRecorder activity, RefusalLog refusals, Clock clock) {
        this.directory = directory;
        this.authenticator = new Authenticator(directory, clock);
        this.accessTokens = accessTokens;
        this.consoleTests = consoleTests;
        this.traffic = traffic;
        this.activity = activity;
        this.refusals = refusals.budget(LOGGED_AUTH_FAILURES_PER_SECOND, LOGGED_AUTH_FAILURE_BURST);
        this.clock = clock;
    }

    /**
     * An admitted request: its tenant, whether it counts as Entra's, and the client's address as the HTTP layer
     * resolved it (a trusted proxy's client, else the peer), which the activity log records.
     */
    public record Caller(String tenantId, boolean entra, String clientAddress, String requestId) {
        public Caller(String tenantId, boolean entra, String clientAddress) {
            this(tenantId, entra, clientAddress, null);
        }

        /**
         * The same caller, for the request its client named {@code requestId} (Entra's {@code client-request-id}
         * header; null when absent), which the attribute history keeps so that an entry can be matched with Entra's
         * own provisioning log. Kept only as printable text of a bounded length: it is whatever the client sent.
         */
        public Caller forRequest(String requestId) {
            String kept = requestId == null || requestId.isBlank() ? null
                    : StorableText.printable(requestId.strip().length() > MAX_REQUEST_ID
                            ? requestId.strip().substring(0, MAX_REQUEST_ID) : requestId.strip());
            return new Caller(tenantId, entra, clientAddress, kept);
        }
    }

    /** A GUID is 36 characters; room for other clients' ids, not for a payload. */
    static final int MAX_REQUEST_ID = 128;

    /**
     * Admits a request that presents {@code authorization} (the header's value) to {@code tenantId}'s endpoint,
     * or refuses it with 401. {@code clientAddress} is where the request came from; {@code consoleTestTag} (may be
     * null) is the tag the console's connection test carries; {@code attempted} (e.g. {@code GET Users}) names the
     * request in the log of refusals.
     */
    public Caller admit(String tenantId, String clientAddress, String authorization, String consoleTestTag,
            String attempted, String resource) {
        if (PathIds.namesNothing(tenantId)) {
            // Nothing is at this path, whoever asks.
            throw new ScimException(ScimProblem.NOT_UNDER_A_TENANT);
        }
        String bearer = Authenticator.bearer(authorization);
        if (AccessTokens.looksLikeOne(bearer)) {
            return admitAccessToken(tenantId, clientAddress, bearer, consoleTestTag, attempted, resource);
        }
        Authenticator.Outcome outcome = authenticator.authenticate(tenantId, authorization);
        if (outcome == Authenticator.Outcome.OK) {
            return admitted(tenantId, clientAddress, consoleTestTag);
        }
        if (outcome != Authenticator.Outcome.NO_CREDENTIALS) {
            // An unknown tenant's refusal takes the same steps as an existing one's (RefusalLog discards it later,
            // off this thread): the time of the answer must not tell which tenants exist.
            logRefusal(tenantId, outcome != Authenticator.Outcome.NO_TENANT, clientAddress, resource,
                    Reason.of(outcome == Authenticator.Outcome.DISABLED ? APP_DISABLED : WRONG_TOKEN, attempted));
        }
        // An unknown tenant, a disabled one and a wrong token get the same answer: whoever has no valid token
        // learns nothing about which tenants exist. The owner sees the difference in the activity log.
        throw new ScimException(outcome == Authenticator.Outcome.NO_CREDENTIALS ? ScimProblem.NO_CREDENTIALS
                : ScimProblem.WRONG_TOKEN);
    }

    /**
     * A request presenting an access token of the client credentials grant. A refusal is logged on the token's own
     * tenant (a token sent to another tenant's URL is its owner's concern, and the other tenant may not exist).
     */
    private Caller admitAccessToken(String tenantId, String clientAddress, String bearer, String consoleTestTag,
            String attempted, String resource) {
        AccessTokens.Check check = accessTokens.check(tenantId, bearer);
        if (check.outcome() == AccessTokens.Outcome.OK) {
            return admitted(tenantId, clientAddress, consoleTestTag);
        }
        // Logged on the token's own tenant; a token that matches none, on the tenant its URL names (if it exists).
        // Never the token's text: a line in a log must not be a credential.
        String loggedOn = check.token() != null ? check.token().tenantId() : tenantId;
        boolean exists = check.token() != null || directory.tenant(tenantId).isPresent();
        Reason why = check.token() != null
                ? Reason.of(refusalCode(check.outcome()), attempted, check.token().clientId())
                : Reason.of(UNKNOWN_ACCESS_TOKEN, attempted);
        if (logRefusal(loggedOn, exists, clientAddress, resource, why)
                && (check.outcome() == AccessTokens.Outcome.UNKNOWN
                        || check.outcome() == AccessTokens.Outcome.WRONG_TENANT)) {
            LOG.warn("Refused an access token at tenant {} from {}: {}", tenantId, clientAddress,
                    check.outcome() == AccessTokens.Outcome.UNKNOWN ? "it matches no issued token"
                            : "it belongs to tenant " + check.token().tenantId());
        }
        throw new ScimException(ScimProblem.ACCESS_TOKEN_REFUSED);
    }

    /** Hands the refusal to the log of refusals within this endpoint's budget; whether it was within. */
    private boolean logRefusal(String tenantId, boolean tenantExists, String clientAddress, String resource,
            Reason reason) {
        return refusals.refused(tenantId, tenantExists, clientAddress, "AUTHENTICATE", resource, reason);
    }

    private Caller admitted(String tenantId, String clientAddress, String consoleTestTag) {
        activity.served(tenantId, false); // the store answered: an outage it was in has ended
        boolean entra = !consoleTests.redeem(consoleTestTag);
        if (entra) {
            // Counted before the answer goes out, so whoever reads the traffic after the answer sees it.
            traffic.record(tenantId, clock.instant(), false);
        }
        return new Caller(tenantId, entra, clientAddress);
    }

    /** The activity code of an access token's refusal. */
    private static String refusalCode(AccessTokens.Outcome outcome) {
        return ACCESS_TOKEN_REFUSED + switch (outcome) {
            case EXPIRED -> ".expired";
            case REVOKED -> ".revoked";
            case DISABLED -> ".appDisabled";
            case WRONG_TENANT -> ".wrongTenant";
            case OK, UNKNOWN -> throw new IllegalArgumentException(outcome.name());
        };
    }

    /** An admitted request of Entra's was answered with an error: it counts as a rejection in its cycle. */
    public void answeredWithError(Caller caller) {
        if (caller != null && caller.entra()) {
            traffic.rejected(caller.tenantId());
        }
    }
}
