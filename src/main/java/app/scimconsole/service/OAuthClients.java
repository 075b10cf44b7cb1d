package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.Directory;
import app.scimconsole.directory.OAuthStore;
import app.scimconsole.directory.OAuthStore.ClientSecret;
import app.scimconsole.directory.OAuthStore.ClientWithSecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The owner's side of the client credentials grant: OAuth clients of the SCIM app, their secrets (shown once,
 * stored as digests, each expiring after 1–3 years) and how long access tokens live. Shared by the CLI and the
 * service, so a client secret is made in one place.
 */
public final class OAuthClients {
    public static final int MIN_EXPIRY_DAYS = 365;
    public static final int MAX_EXPIRY_DAYS = 3 * 365;
    public static final int DEFAULT_EXPIRY_DAYS = 365;
    static final String CLIENT_ADDED = "activity.oauthClientAdded";
    static final String SECRET_ROTATED = "activity.oauthSecretRotated";
    static final String CLIENT_REMOVED = "activity.oauthClientRemoved";
    static final String SECRET_RETIRED = "activity.oauthSecretRetired";

    private final Directory directory;
    private final OAuthStore store;
    private final Clock clock;
    private final ActivityRecorder activity;

    public OAuthClients(Directory directory, OAuthStore store, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.clock = clock;
        this.activity = new ActivityRecorder(directory, clock);
    }

    /** What the owner pastes into Entra; the secret exists only in this object and is never stored. */
    public record NewSecret(String tenantId, String clientId, String clientSecret, Instant expiresAt) {
        @Override
        public String toString() {
            return "NewSecret[tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret=(hidden), expiresAt="
                    + expiresAt + "]";
        }
    }

    /**
     * A client as listed: its newest live secret's expiry, the last use of any of its secrets, and each live secret
     * (oldest first), whose own last use tells during a rotation whether Entra has switched to the new one.
     */
    public record Listed(String clientId, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
            List<SecretInfo> secrets) {
        public int liveSecrets() {
            return secrets.size();
        }
    }

    /** A live client secret's metadata (never the secret). */
    public record SecretInfo(String id, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
    }

    /** Adds a client with one secret expiring in {@code expiryDays} (1–3 years). */
    public NewSecret add(int expiryDays) {
        String tenantId = enabledTenant();
        Instant expires = expiry(expiryDays);
        String clientId = "scim-" + SecretTokens.generate().substring(0, 22);
        String secret = SecretTokens.generate();
        store.addClient(tenantId, clientId, SecretTokens.hash(secret), expires);
        activity.ownerAction(tenantId, "OAUTH_CLIENT_ADD", Reason.of(CLIENT_ADDED, clientId));
        return new NewSecret(tenantId, clientId, secret, expires);
    }

    /**
     * A new secret for an existing client; the previous one keeps working until its own expiry, so Entra can be
     * switched over without a failed cycle (any older one stops now: at most two are live).
     */
    public NewSecret rotate(String clientId, int expiryDays) {
        String tenantId = enabledTenant();
        Instant expires = expiry(expiryDays);
        String secret = SecretTokens.generate();
        store.addSecret(tenantId, clientId, SecretTokens.hash(secret), expires, clock.instant())
                .orElseThrow(() -> new IllegalArgumentException("No OAuth client " + clientId + "."));
        activity.ownerAction(tenantId, "OAUTH_SECRET_ROTATE", Reason.of(SECRET_ROTATED, clientId));
        return new NewSecret(tenantId, clientId, secret, expires);
    }

    public List<Listed> list() {
        String tenantId = directory.defaultTenant().map(Directory.Tenant::id).orElse(null);
        if (tenantId == null) {
            return List.of();
        }
        List<Listed> out = new ArrayList<>();
        for (ClientWithSecrets c : store.clients(tenantId, clock.instant())) {
            Instant expires = c.secrets().stream().map(ClientSecret::expires).max(Comparator.naturalOrder()).orElse(null);
            Instant used = c.secrets().stream().map(ClientSecret::lastUsed).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            List<SecretInfo> secrets = c.secrets().stream()
                    .map(x -> new SecretInfo(x.id(), x.created(), x.expires(), x.lastUsed())).toList();
            out.add(new Listed(c.client().id(), c.client().created(), expires, used, secrets));
        }
        return out;
    }

    /** Removes a client: its secrets and its access tokens stop working at once, on every instance. */
    public boolean remove(String clientId) {
        String tenantId = directory.defaultTenant().map(Directory.Tenant::id).orElse(null);
        boolean removed = tenantId != null && store.removeClient(tenantId, clientId, clock.instant());
        if (removed) {
            activity.ownerAction(tenantId, "OAUTH_CLIENT_REMOVE", Reason.of(CLIENT_REMOVED, clientId));
        }
        return removed;
    }

    /**
     * Ends a client's older secret now, the last step of a rotation once Entra holds the new one (its last use says
     * so). False when the tenant has no such live secret.
     */
    public boolean retireSecret(String clientId, String secretId) {
        String tenantId = enabledTenant();
        boolean retired = store.retireSecret(tenantId, clientId, secretId, clock.instant());
        if (retired) {
            activity.ownerAction(tenantId, "OAUTH_SECRET_RETIRE", Reason.of(SECRET_RETIRED, clientId));
        }
        return retired;
    }

    /** How Entra authenticates to the tenant, as its owner chose it. */
    public String authMethod(String tenantId) {
        return store.authMethod(tenantId);
    }

    public void setAuthMethod(String tenantId, String method) {
        store.setAuthMethod(tenantId, method);
    }

    /** Sets how long new access tokens live: 1 to 6 hours. */
    public void setAccessTokenLifetime(Duration lifetime) {
        long minutes = lifetime.toMinutes();
        if (minutes < TokenIssuer.MIN_LIFETIME.toMinutes() || minutes > TokenIssuer.MAX_LIFETIME.toMinutes()) {
            throw new IllegalArgumentException("The access token lifetime must be between 1 and 6 hours.");
        }
        store.setAccessTokenMinutes(enabledTenant(), (int) minutes);
    }

    private Instant expiry(int days) {
        if (days < MIN_EXPIRY_DAYS || days > MAX_EXPIRY_DAYS) {
            throw new IllegalArgumentException("--expires-days must be between " + MIN_EXPIRY_DAYS + " and "
                    + MAX_EXPIRY_DAYS + " (1 to 3 years).");
        }
        return clock.instant().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MILLIS); // as stored
    }

    private String enabledTenant() {
        return enabledTenant(directory);
    }

    /** The tenant whose credentials the owner manages; it must have its SCIM app enabled. */
    static String enabledTenant(Directory directory) {
        return directory.defaultTenant().filter(Directory.Tenant::scimEnabled).map(Directory.Tenant::id)
                .orElseThrow(() -> new IllegalStateException("The SCIM app is not enabled. Run 'scim enable' first."));
    }
}
