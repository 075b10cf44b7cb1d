package app.scimconsole.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Federation trusts and used assertions on the directory's database, each operation one transaction. */
final class SqlFederationStore implements FederationStore {
    private final SqlDirectory db;

    SqlFederationStore(SqlDirectory db) {
        this.db = db;
    }

    @Override
    public Trust addTrust(String tenantId, String clientId, String entraTenant, String subject, String audience,
            String keysUrl) {
        return db.write(c -> FederationRows.addTrust(c, tenantId, clientId, entraTenant, subject, audience, keysUrl,
                db.now()));
    }

    @Override
    public List<Trust> trusts(String tenantId) {
        return db.read(c -> FederationRows.trusts(c, tenantId));
    }

    @Override
    public Optional<Trust> trust(String clientId) {
        return db.readOne(c -> FederationRows.trust(c, clientId));
    }

    @Override
    public boolean removeTrust(String tenantId, String clientId, Instant now) {
        return db.write(c -> FederationRows.trust(c, clientId).isPresent()
                && OAuthRows.removeClient(c, tenantId, clientId, Timestamps.truncate(now)));
    }

    @Override
    public boolean firstUse(String clientId, String jti, Instant expires, Instant now) {
        return db.write(c -> FederationRows.firstUse(c, clientId, jti, expires, now));
    }

    @Override
    public void recordUse(String clientId, Instant when) {
        db.write(c -> {
            FederationRows.recordUse(c, clientId, when);
            return null;
        });
    }
}
