package app.scimconsole.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** OAuth clients and access tokens on the directory's database, each operation one transaction of the engine. */
final class SqlOAuthStore implements OAuthStore {
    private final SqlDirectory db;

    SqlOAuthStore(SqlDirectory db) {
        this.db = db;
    }

    @Override
    public Client addClient(String tenantId, String clientId, byte[] secretHash, Instant secretExpires) {
        return db.write(c -> OAuthRows.addClient(c, tenantId, clientId, secretHash, secretExpires, db.now()));
    }

    @Override
    public Optional<ClientSecret> addSecret(String tenantId, String clientId, byte[] hash, Instant expires,
            Instant now) {
        return db.write(c -> OAuthRows.addSecret(c, tenantId, clientId, hash, expires, Timestamps.truncate(now)));
    }

    @Override
    public List<ClientWithSecrets> clients(String tenantId, Instant now) {
        return db.read(c -> OAuthRows.clients(c, tenantId, now));
    }

    @Override
    public Optional<ClientWithSecrets> client(String clientId) {
        return db.read(c -> OAuthRows.clientWithSecrets(c, clientId));
    }

    @Override
    public boolean removeClient(String tenantId, String clientId, Instant now) {
        return db.write(c -> OAuthRows.removeClient(c, tenantId, clientId, Timestamps.truncate(now)));
    }

    @Override
    public void recordSecretUse(String secretId, Instant when) {
        db.write(c -> {
            OAuthRows.recordSecretUse(c, secretId, when);
            return null;
        });
    }

    @Override
    public void addAccessToken(String id, String tenantId, String clientId, byte[] hash, Instant expires,
            Instant forgetBefore) {
        db.write(c -> {
            OAuthRows.addAccessToken(c, id, tenantId, clientId, hash, expires, db.now(), forgetBefore);
            return null;
        });
    }

    @Override
    public Optional<AccessToken> accessToken(String id) {
        return db.readOne(c -> OAuthRows.accessToken(c, id));
    }

    @Override
    public int accessTokenMinutes(String tenantId) {
        return db.readOne(c -> OAuthRows.accessTokenMinutes(c, tenantId));
    }

    @Override
    public void setAccessTokenMinutes(String tenantId, int minutes) {
        db.write(c -> {
            OAuthRows.setAccessTokenMinutes(c, tenantId, minutes);
            return null;
        });
    }

    @Override
    public boolean retireSecret(String tenantId, String clientId, String secretId, Instant now) {
        return db.write(c -> OAuthRows.retireSecret(c, tenantId, clientId, secretId, Timestamps.truncate(now)));
    }

    @Override
    public String authMethod(String tenantId) {
        return db.readOne(c -> OAuthRows.authMethod(c, tenantId));
    }

    @Override
    public void setAuthMethod(String tenantId, String method) {
        db.write(c -> {
            OAuthRows.setAuthMethod(c, tenantId, method);
            return null;
        });
    }
}
