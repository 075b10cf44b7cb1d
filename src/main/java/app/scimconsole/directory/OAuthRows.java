package app.scimconsole.directory;

import app.scimconsole.directory.OAuthStore.AccessToken;
import app.scimconsole.directory.OAuthStore.Client;
import app.scimconsole.directory.OAuthStore.ClientSecret;
import app.scimconsole.directory.OAuthStore.ClientWithSecrets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of OAuth clients, their secrets and access tokens. Secrets and tokens reach the store only as digests. */
final class OAuthRows {
    private static final HexFormat HEX = HexFormat.of();
    private static final String CLIENT_COLUMNS = "SELECT id, tenant_id, created, removed FROM oauth_clients";
    private static final String SECRET_COLUMNS =
            "SELECT id, client_id, hash, created, expires, last_used FROM oauth_client_secrets";

    private OAuthRows() {
    }

    static Client addClient(Connection c, String tenantId, String clientId, byte[] secretHash, Instant secretExpires,
            Instant now) throws SQLException {
        Jdbc.update(c, "INSERT INTO oauth_clients (id, tenant_id, created) VALUES (?, ?, ?)",
                clientId, tenantId, Timestamps.format(now));
        insertSecret(c, clientId, secretHash, secretExpires, now);
        return new Client(clientId, tenantId, now, null);
    }

    static Optional<ClientSecret> addSecret(Connection c, String tenantId, String clientId, byte[] hash,
            Instant expires, Instant now) throws SQLException {
        Optional<Client> client = client(c, clientId).filter(k -> k.tenantId().equals(tenantId) && k.removed() == null);
        if (client.isEmpty()) {
            return Optional.empty();
        }
        List<ClientSecret> live = secrets(c, clientId, now);
        String at = Timestamps.format(now);
        // Keep the newest live secret (the one Entra may still hold) and retire any older one.
        for (int i = 0; i < live.size() - (OAuthStore.LIVE_SECRETS - 1); i++) {
            Jdbc.update(c, "UPDATE oauth_client_secrets SET expires = ? WHERE id = ?", at, live.get(i).id());
        }
        return Optional.of(insertSecret(c, clientId, hash, expires, now));
    }

    private static ClientSecret insertSecret(Connection c, String clientId, byte[] hash, Instant expires, Instant now)
            throws SQLException {
        ClientSecret s = new ClientSecret(UUID.randomUUID().toString(), clientId, hash.clone(), now,
                Timestamps.truncate(expires), null);
        Jdbc.update(c, "INSERT INTO oauth_client_secrets (id, client_id, hash, created, expires) VALUES (?, ?, ?, ?, ?)",
                s.id(), clientId, HEX.formatHex(hash), Timestamps.format(now), Timestamps.format(s.expires()));
        return s;
    }

    static List<ClientWithSecrets> clients(Connection c, String tenantId, Instant now) throws SQLException {
        List<Client> clients = new ArrayList<>();
        SqlWhere sql = SqlWhere.of(CLIENT_COLUMNS + " WHERE tenant_id = ? AND removed IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM federation_trusts f WHERE f.client_id = oauth_clients.id)"
                + " ORDER BY created, id",
                tenantId);
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                clients.add(client(rs));
            }
        }
        List<ClientWithSecrets> out = new ArrayList<>(clients.size());
        for (Client k : clients) {
            out.add(new ClientWithSecrets(k, secrets(c, k.id(), now)));
        }
        return out;
    }

    static Optional<ClientWithSecrets> clientWithSecrets(Connection c, String clientId) throws SQLException {
        Optional<Client> client = client(c, clientId);
        if (client.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClientWithSecrets(client.get(), secrets(c, clientId, null)));
    }

    static boolean removeClient(Connection c, String tenantId, String clientId, Instant now) throws SQLException {
        int changed = Jdbc.update(c, "UPDATE oauth_clients SET removed = ? WHERE id = ? AND tenant_id = ?"
                + " AND removed IS NULL", Timestamps.format(now), clientId, tenantId);
        if (changed == 0) {
            return false;
        }
        Jdbc.update(c, "DELETE FROM oauth_client_secrets WHERE client_id = ?", clientId);
        return true;
    }

    static void recordSecretUse(Connection c, String secretId, Instant when) throws SQLException {
        Jdbc.update(c, "UPDATE oauth_client_secrets SET last_used = ? WHERE id = ?",
                Timestamps.format(Timestamps.truncate(when)), secretId);
    }

    static void addAccessToken(Connection c, String id, String tenantId, String clientId, byte[] hash,
            Instant expires, Instant now, Instant forgetBefore) throws SQLException {
        Jdbc.update(c, "DELETE FROM oauth_access_tokens WHERE expires < ?", Timestamps.format(forgetBefore));
        Jdbc.update(c, "INSERT INTO oauth_access_tokens (id, tenant_id, client_id, hash, created, expires)"
                + " VALUES (?, ?, ?, ?, ?, ?)", id, tenantId, clientId, HEX.formatHex(hash), Timestamps.format(now),
                Timestamps.format(Timestamps.truncate(expires)));
    }

    static Optional<AccessToken> accessToken(Connection c, String id) throws SQLException {
        SqlWhere sql = SqlWhere.of("SELECT a.id, a.tenant_id, a.client_id, a.hash, a.created, a.expires,"
                + " k.removed, t.scim_enabled FROM oauth_access_tokens a"
                + " JOIN oauth_clients k ON k.id = a.client_id JOIN tenants t ON t.id = a.tenant_id WHERE a.id = ?", id);
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new AccessToken(rs.getString(1), rs.getString(2), rs.getString(3),
                    HEX.parseHex(rs.getString(4)), Timestamps.parse(rs.getString(5)), Timestamps.parse(rs.getString(6)),
                    rs.getString(7) != null, rs.getBoolean(8)));
        }
    }

    static int accessTokenMinutes(Connection c, String tenantId) throws SQLException {
        SqlWhere sql = SqlWhere.of("SELECT access_token_minutes FROM tenants WHERE id = ?", tenantId);
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 60;
        }
    }

    static void setAccessTokenMinutes(Connection c, String tenantId, int minutes) throws SQLException {
        Jdbc.update(c, "UPDATE tenants SET access_token_minutes = ? WHERE id = ?", minutes, tenantId);
    }

    static boolean retireSecret(Connection c, String tenantId, String clientId, String secretId, Instant now)
            throws SQLException {
        Optional<Client> client = client(c, clientId).filter(k -> k.tenantId().equals(tenantId) && k.removed() == null);
        if (client.isEmpty()) {
            return false;
        }
        String at = Timestamps.format(now);
        return Jdbc.update(c, "UPDATE oauth_client_secrets SET expires = ? WHERE id = ? AND client_id = ? AND expires > ?",
                at, secretId, clientId, at) > 0;
    }

    static String authMethod(Connection c, String tenantId) throws SQLException {
        SqlWhere sql = SqlWhere.of("SELECT auth_method FROM tenants WHERE id = ?", tenantId);
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : "SECRET_TOKEN";
        }
    }

    static void setAuthMethod(Connection c, String tenantId, String method) throws SQLException {
        Jdbc.update(c, "UPDATE tenants SET auth_method = ? WHERE id = ?", method, tenantId);
    }

    private static Optional<Client> client(Connection c, String clientId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, SqlWhere.of(CLIENT_COLUMNS + " WHERE id = ?", clientId));
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(client(rs)) : Optional.empty();
        }
    }

    private static Client client(ResultSet rs) throws SQLException {
        return new Client(rs.getString(1), rs.getString(2), Timestamps.parse(rs.getString(3)),
                Timestamps.parse(rs.getString(4)));
    }

    /** The client's secrets, oldest first; only those live at {@code liveAt} unless it is null. */
    private static List<ClientSecret> secrets(Connection c, String clientId, Instant liveAt) throws SQLException {
        SqlWhere sql = liveAt == null
                ? SqlWhere.of(SECRET_COLUMNS + " WHERE client_id = ? ORDER BY created, id", clientId)
                : SqlWhere.of(SECRET_COLUMNS + " WHERE client_id = ? AND expires > ? ORDER BY created, id", clientId,
                        Timestamps.format(liveAt));
        List<ClientSecret> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ClientSecret(rs.getString(1), rs.getString(2), HEX.parseHex(rs.getString(3)),
                        Timestamps.parse(rs.getString(4)), Timestamps.parse(rs.getString(5)),
                        Timestamps.parse(rs.getString(6))));
            }
        }
        return out;
    }
}
