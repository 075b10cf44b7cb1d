package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.Directory;
import app.scimconsole.directory.OAuthStore;
import app.scimconsole.directory.OAuthStore.ClientSecret;
import app.scimconsole.directory.OAuthStore.ClientWithSecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The token endpoint's rules (RFC 6749 §4.4): authenticates the client of a tenant by its secret and issues a
 * short-lived access token. Every refusal of a known tenant's client is written to its activity log with the reason
 * (unknown client, wrong or expired secret, revoked client, another tenant's client, app disabled), never the secret.
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
    private static final byte[] NO_HASH = new byte[32];

    private final Directory directory;
    private final OAuthStore store;
    private final AccessTokens tokens;
    /** Refusals are logged at most 20 at once and then 1 a second per tenant, as the SCIM endpoint's are. */
    private final RefusalLog.Budget refusals;
    private final Clock clock;

    TokenIssuer(Directory directory, OAuthStore store, AccessTokens tokens, RefusalLog refusals, Clock clock) {
        this.directory = directory;
        this.store = store;
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

    /** Issues a token to the client {@code request} authenticates, or throws the §5.2 error. */
    public Grant issue(String tenantId, TokenRequest request, String clientAddress) {
        if (request.clientId() == null || request.clientSecret() == null || PathIds.namesNothing(tenantId)) {
            throw new OAuthError(OAuthError.Code.INVALID_CLIENT, "Client authentication is required.",
                    request.basic());
        }
        ClientSecret secret = authenticate(tenantId, request, clientAddress);
        if (!GRANT.equals(request.grantType())) {
            throw new OAuthError(OAuthError.Code.UNSUPPORTED_GRANT_TYPE, "Only client_credentials is supported.",
                    false);
        }
        Instant now = clock.instant();
        if (directory.tenant(tenantId).filter(Directory.Tenant::scimEnabled).isEmpty()) {
            refuse(tenantId, clientAddress, APP_DISABLED, request.clientId());
            throw new OAuthError(OAuthError.Code.INVALID_GRANT, "The SCIM app of this tenant is disabled.", false);
        }
        store.recordSecretUse(secret.id(), now);
        int minutes = store.accessTokenMinutes(tenantId);
        AccessTokens.Issued issued = tokens.issue(tenantId, request.clientId(), now.plus(Duration.ofMinutes(minutes)));
        return new Grant(issued.token(), minutes * 60L);
    }

    /** The live secret of the tenant's client that the request presents; else a logged invalid_client. */
    private ClientSecret authenticate(String tenantId, TokenRequest request, String clientAddress) {
        Optional<ClientWithSecrets> found = store.client(request.clientId());
        byte[] presented = SecretTokens.hash(request.clientSecret());
        Instant now = clock.instant();
        ClientSecret live = null;
        ClientSecret expired = null;
        if (found.isEmpty()) {
            SecretTokens.matches(presented, NO_HASH); // the same work as a known client's, so timing tells nothing
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
        refuse(found.map(c -> c.client().tenantId()).orElse(tenantId), clientAddress, code, request.clientId());
        throw new OAuthError(OAuthError.Code.INVALID_CLIENT, "Client authentication failed.", request.basic());
    }

    /** Looked up and handed to the log alike, whether the tenant exists or not (the log discards the latter). */
    private void refuse(String tenantId, String clientAddress, String code, String clientId) {
        refusals.refused(tenantId, directory.tenant(tenantId).isPresent(), clientAddress, "TOKEN", "OAuthClient",
                Reason.of(code, clientId));
    }
}
