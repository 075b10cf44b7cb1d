package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.Directory;
import app.scimconsole.directory.FederationStore;
import app.scimconsole.directory.FederationStore.Trust;
import app.scimconsole.directory.OAuthStore;
import app.scimconsole.directory.OAuthStore.ClientSecret;
import app.scimconsole.directory.OAuthStore.ClientWithSecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The token endpoint's rules (RFC 6749 §4.4): authenticates the client of a tenant by its secret, or by a client
 * assertion its workload identity federation trust accepts (RFC 7523), and issues a short-lived access token. Every
 * refusal of a known tenant's client is written to its activity log with the reason (unknown client, wrong or expired
 * secret, revoked client, another tenant's client, app disabled, or what was wrong with the assertion), never the
 * secret or the assertion.
 *
 * <p>Requests are limited per client address ({@link #PER_ADDRESS_BURST} at once, then one a second), and failed
 * authentications per client id ({@link #PER_CLIENT_BURST}, then one every six seconds): Entra asks for a token
 * about once an hour per provisioning job, so only a runaway or guessing client meets the limits, and gets 429 with
 * Retry-After.
 */
public final class TokenIssuer {
    public static final Duration MIN_LIFETIME = Duration.ofHours(1);
    public static final Duration MAX_LIFETIME = Duration.ofHours(6);
    public static final String GRANT = "client_credentials";
    /** args of every refusal code: the client id presented. */
    static final String UNKNOWN_CLIENT = "activity.oauth.unknownClient";
    static final String WRONG_SECRET = "activity.oauth.wrongSecret";
    static final String EXPIRED_SECRET = "activity.oauth.expiredSecret";
    static final String REVOKED_CLIENT = "activity.oauth.revokedClient";
    static final String OTHER_TENANT = "activity.oauth.wrongTenant";
    static final String APP_DISABLED = "activity.oauth.appDisabled";
    /** No args: a client assertion came without client_id, and the tenant has no federation trust. */
    static final String NO_TRUST = "activity.federation.noTrust";
    static final int PER_ADDRESS_BURST = 60;
    static final double PER_ADDRESS_PER_SECOND = 1;
    static final int PER_CLIENT_BURST = 20;
    static final double PER_CLIENT_PER_SECOND = 1 / 6.0;
    private static final int MAX_LIMITED_KEYS = 10_000;

    private final Directory directory;
    private final OAuthStore store;
    private final AccessTokens tokens;
    /** Refusals are logged at most 20 at once and then 1 a second per tenant, as the SCIM endpoint's are. */
    private final RefusalLog.Budget refusals;
    private final Clock clock;
    private final FederationStore trusts;
    private final FederatedAssertions assertions;
    private final TenantRateLimiter perAddress = new TenantRateLimiter(PER_ADDRESS_PER_SECOND, PER_ADDRESS_BURST,
            System::nanoTime, MAX_LIMITED_KEYS);
    private final TenantRateLimiter perClient = new TenantRateLimiter(PER_CLIENT_PER_SECOND, PER_CLIENT_BURST,
            System::nanoTime, MAX_LIMITED_KEYS);

    TokenIssuer(Directory directory, OAuthStore store, FederationStore trusts, FederatedAssertions assertions,
            AccessTokens tokens, RefusalLog refusals, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.trusts = trusts;
        this.assertions = assertions;
        this.tokens = tokens;
        this.refusals = refusals.budget(ScimAccess.LOGGED_AUTH_FAILURES_PER_SECOND,
                ScimAccess.LOGGED_AUTH_FAILURE_BURST);
        this.clock = clock;
    }

    /** An issued token and how long it lives, as §5.1 answers it. */
    public record Grant(String accessToken, long expiresInSeconds) {
        @Override
        public String toString() {
            return "Grant[accessToken=(hidden), expiresInSeconds=" + expiresInSeconds + "]";
        }
    }

    /** Whether a token request from {@code clientAddress} may be read now; else throws the 429. */
    public void admit(String clientAddress) {
        long wait = perAddress.secondsToWait(clientAddress == null ? "" : clientAddress);
        if (wait > 0) {
            throw OAuthError.tooMany("Too many token requests from this address; try again in " + wait + " s.", wait);
        }
    }

    /** Issues a token to the client {@code request} authenticates, or throws the §5.2 error. */
    public Grant issue(String tenantId, TokenRequest request, String clientAddress) {
        try {
            return authenticateAndIssue(tenantId, request, clientAddress);
        } catch (OAuthError e) {
            // Only failed authentications count against a client id: anyone may send its (public) id, and a
            // limit on all its requests would let them lock the real client out.
            if (e.code() == OAuthError.Code.INVALID_CLIENT && request.clientId() != null) {
                long wait = perClient.secondsToWait(request.clientId());
                if (wait > 0) {
                    throw OAuthError.tooMany("Too many failed token requests for this client; try again in " + wait
                            + " s.", wait);
                }
            }
            throw e;
        }
    }

    private Grant authenticateAndIssue(String tenantId, TokenRequest request, String clientAddress) {
        if (request.clientAssertion() != null && !PathIds.namesNothing(tenantId)) {
            Trust trust = authenticateAssertion(tenantId, request, clientAddress);
            Instant now = grantable(tenantId, request, clientAddress, trust.clientId());
            trusts.recordUse(trust.clientId(), now);
            return grant(tenantId, trust.clientId(), now);
        }
        if (request.clientId() == null || request.clientSecret() == null || PathIds.namesNothing(tenantId)) {
            throw new OAuthError(OAuthError.Code.INVALID_CLIENT, "Client authentication is required.",
                    request.basic());
        }
        ClientSecret secret = authenticate(tenantId, request, clientAddress);
        Instant now = grantable(tenantId, request, clientAddress, request.clientId());
        store.recordSecretUse(secret.id(), now);
        return grant(tenantId, request.clientId(), now);
    }

    /** After authentication: the grant type and the app's state allow a token now; else the §5.2 error. */
    private Instant grantable(String tenantId, TokenRequest request, String clientAddress, String clientId) {
        if (!GRANT.equals(request.grantType())) {
            throw new OAuthError(OAuthError.Code.UNSUPPORTED_GRANT_TYPE, "Only client_credentials is supported.",
                    false);
        }
        if (directory.tenant(tenantId).filter(Directory.Tenant::scimEnabled).isEmpty()) {
            refuse(tenantId, clientAddress, Reason.of(APP_DISABLED, clientId));
            throw new OAuthError(OAuthError.Code.INVALID_GRANT, "The SCIM app of this tenant is disabled.", false);
        }
        return clock.instant();
    }

    private Grant grant(String tenantId, String clientId, Instant now) {
        int minutes = store.accessTokenMinutes(tenantId);
        AccessTokens.Issued issued = tokens.issue(tenantId, clientId, now.plus(Duration.ofMinutes(minutes)));
        return new Grant(issued.token(), minutes * 60L);
    }

    /**
     * The live trust of the tenant whose checks the assertion passes: the one {@code client_id} names, or without
     * one, the first of the tenant's trusts that accepts it (two trusts live side by side during a rotation). Else a
     * logged invalid_client: the first refusal of a trust naming the assertion's subject says why.
     */
    private Trust authenticateAssertion(String tenantId, TokenRequest request, String clientAddress) {
        List<Trust> candidates;
        if (request.clientId() != null) {
            Optional<Trust> named = trusts.trust(request.clientId());
            String code = named.isEmpty() ? UNKNOWN_CLIENT
                    : !named.get().tenantId().equals(tenantId) ? OTHER_TENANT
                    : named.get().removed() != null ? REVOKED_CLIENT
                    : null;
            if (code != null) {
                refuse(named.map(Trust::tenantId).orElse(tenantId), clientAddress, Reason.of(code, request.clientId()));
                throw assertionRefused();
            }
            candidates = List.of(named.get());
        } else {
            candidates = trusts.trusts(tenantId);
        }
        Reason first = null;
        for (Trust trust : candidates) {
            Reason why = assertions.refusal(trust, request.clientAssertion());
            if (why == null) {
                return trust;
            }
            if (first == null || isAboutOtherTrust(first) && !isAboutOtherTrust(why)) {
                first = why;
            }
        }
        refuse(tenantId, clientAddress, first != null ? first : Reason.of(NO_TRUST));
        throw assertionRefused();
    }

    /** Whether a refusal says the assertion was meant for another trust (another subject or Entra tenant). */
    private static boolean isAboutOtherTrust(Reason why) {
        return why.code().equals(FederatedAssertions.WRONG_SUBJECT)
                || why.code().equals(FederatedAssertions.WRONG_ENTRA_TENANT);
    }

    private static OAuthError assertionRefused() {
        return new OAuthError(OAuthError.Code.INVALID_CLIENT, "The client assertion was not accepted.", false);
    }

    /** The live secret of the tenant's client that the request presents; else a logged invalid_client. */
    private ClientSecret authenticate(String tenantId, TokenRequest request, String clientAddress) {
        Optional<ClientWithSecrets> found = store.client(request.clientId());
        byte[] presented = SecretTokens.hash(request.clientSecret());
        Instant now = clock.instant();
        ClientSecret live = null;
        ClientSecret expired = null;
        if (found.isEmpty()) {
            SecretTokens.matchesNone(presented); // the same work as a known client's, so timing tells nothing
        } else {
            for (ClientSecret s : found.get().secrets()) { // every secret compared, not stopping at a match
                if (SecretTokens.matches(presented, s.hash())) {
                    if (s.expires().isAfter(now)) {
                        live = s;
                    } else {
                        expired = s;
                    }
                }
            }
        }
        String code = found.isEmpty() ? UNKNOWN_CLIENT
                : !found.get().client().tenantId().equals(tenantId) ? OTHER_TENANT
                : found.get().client().removed() != null ? REVOKED_CLIENT
                : live != null ? null
                : expired != null ? EXPIRED_SECRET
                : WRONG_SECRET;
        if (code == null) {
            return live;
        }
        // Another tenant's client is told to its own tenant's owner; an unknown one to the tenant it was sent to.
        refuse(found.map(c -> c.client().tenantId()).orElse(tenantId), clientAddress, Reason.of(code,
                request.clientId()));
        throw new OAuthError(OAuthError.Code.INVALID_CLIENT, "Client authentication failed.", request.basic());
    }

    /** Looked up and handed to the log alike, whether the tenant exists or not (the log discards the latter). */
    private void refuse(String tenantId, String clientAddress, Reason why) {
        refusals.refused(tenantId, directory.tenant(tenantId).isPresent(), clientAddress, "TOKEN", "OAuthClient", why);
    }
}
