package app.scimconsole.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tenants' OAuth 2.0 clients (RFC 6749 §4.4), their client secrets and the access tokens issued to them. Only
 * digests of secrets and tokens are stored. Each method is one transaction, read from the database every time, so
 * that every instance on one PostgreSQL database sees a new token or a removed client at once.
 */
public interface OAuthStore {
    /** The most client secrets of one client that are live at once: the current one and the one it replaces. */
    int LIVE_SECRETS = 2;

    record Client(String id, String tenantId, Instant created, Instant removed) {
    }

    /** A client secret's metadata; the secret itself is never stored, only {@code hash}. */
    record ClientSecret(String id, String clientId, byte[] hash, Instant created, Instant expires, Instant lastUsed) {
    }

    /** A client with all its secrets, expired ones included (so a refusal can say "expired"). */
    record ClientWithSecrets(Client client, List<ClientSecret> secrets) {
    }

    /** An access token's metadata, with what decides whether it is still honoured, read together. */
    record AccessToken(String id, String tenantId, String clientId, byte[] hash, Instant created, Instant expires,
            boolean clientRemoved, boolean scimEnabled) {
    }

    /** Adds a client with its first secret, in one transaction. */
    Client addClient(String tenantId, String clientId, byte[] secretHash, Instant secretExpires);

    /**
     * Adds a secret to a live client of the tenant; of its other secrets still live at {@code now}, only the newest
     * stays live (the others expire now), so at most {@link #LIVE_SECRETS} are. Empty when there is no such client.
     */
    Optional<ClientSecret> addSecret(String tenantId, String clientId, byte[] hash, Instant expires, Instant now);

    /** The tenant's clients that were not removed, oldest first, with their secrets still live at {@code now}. */
    List<ClientWithSecrets> clients(String tenantId, Instant now);

    /** The client, removed or not, with all its secrets; empty when no client has this id. */
    Optional<ClientWithSecrets> client(String clientId);

    /**
     * Removes a live client of the tenant: its secrets are deleted and its access tokens are refused from now on.
     * False when the tenant has no such live client.
     */
    boolean removeClient(String tenantId, String clientId, Instant now);

    void recordSecretUse(String secretId, Instant when);

    /** Stores an access token's digest; access tokens that expired before {@code forgetBefore} are deleted. */
    void addAccessToken(String id, String tenantId, String clientId, byte[] hash, Instant expires,
            Instant forgetBefore);

    /** The access token with this id, as stored now. */
    Optional<AccessToken> accessToken(String id);

    /** How long the tenant's new access tokens live, in minutes. */
    int accessTokenMinutes(String tenantId);

    void setAccessTokenMinutes(String tenantId, int minutes);

    /**
     * Ends one live secret of a live client of the tenant now (the old one, once Entra holds the new); false when there
     * is no such live secret.
     */
    boolean retireSecret(String tenantId, String clientId, String secretId, Instant now);

    /** How Entra authenticates to the tenant, as its owner chose it (SECRET_TOKEN unless set). */
    String authMethod(String tenantId);

    void setAuthMethod(String tenantId, String method);
}
