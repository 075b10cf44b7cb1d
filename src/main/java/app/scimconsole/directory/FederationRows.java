package app.scimconsole.directory;

import app.scimconsole.directory.FederationStore.Trust;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of workload identity federation trusts and of the assertions they have used. */
final class FederationRows {
    private static final String TRUST_COLUMNS = "SELECT k.id, k.tenant_id, f.entra_tenant, f.subject, f.audience,"
            + " f.keys_url, k.created, f.last_used, k.removed FROM federation_trusts f"
            + " JOIN oauth_clients k ON k.id = f.client_id";

    private FederationRows() {
    }

    static Trust addTrust(Connection c, String tenantId, String clientId, String entraTenant, String subject,
            String audience, String keysUrl, Instant now) throws SQLException {
        Jdbc.update(c, "INSERT INTO oauth_clients (id, tenant_id, created) VALUES (?, ?, ?)",
                clientId, tenantId, Timestamps.format(now));
        Jdbc.update(c, "INSERT INTO federation_trusts (client_id, entra_tenant, subject, audience, keys_url)"
                + " VALUES (?, ?, ?, ?, ?)", clientId, entraTenant, subject, audience, keysUrl);
        return new Trust(clientId, tenantId, entraTenant, subject, audience, keysUrl, now, null, null);
    }

    static List<Trust> trusts(Connection c, String tenantId) throws SQLException {
        List<Trust> out = new ArrayList<>();
        SqlWhere sql = SqlWhere.of(TRUST_COLUMNS + " WHERE k.tenant_id = ? AND k.removed IS NULL"
                + " ORDER BY k.created, k.id", tenantId);
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(trust(rs));
            }
        }
        return out;
    }

    static Optional<Trust> trust(Connection c, String clientId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, SqlWhere.of(TRUST_COLUMNS + " WHERE k.id = ?", clientId));
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(trust(rs)) : Optional.empty();
        }
    }

    static boolean firstUse(Connection c, String clientId, String jti, Instant expires, Instant now)
            throws SQLException {
        Jdbc.update(c, "DELETE FROM federation_assertions WHERE expires < ?", Timestamps.format(now));
        return Jdbc.update(c, "INSERT INTO federation_assertions (client_id, jti, expires) VALUES (?, ?, ?)"
                + " ON CONFLICT (client_id, jti) DO NOTHING", clientId, jti,
                Timestamps.format(Timestamps.truncate(expires))) == 1;
    }

    static void recordUse(Connection c, String clientId, Instant when) throws SQLException {
        Jdbc.update(c, "UPDATE federation_trusts SET last_used = ? WHERE client_id = ?",
                Timestamps.format(Timestamps.truncate(when)), clientId);
    }

    private static Trust trust(ResultSet rs) throws SQLException {
        return new Trust(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Timestamps.parse(rs.getString(7)), Timestamps.parse(rs.getString(8)),
                Timestamps.parse(rs.getString(9)));
    }
}
