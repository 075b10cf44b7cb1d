package app.scimconsole.directory;

import app.scimconsole.directory.Directory.Tenant;
import app.scimconsole.directory.Directory.Token;
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

/** Tenants and their tokens. A token's secret never reaches the store, only its hash. */
final class TenantRows {
    private static final HexFormat HEX = HexFormat.of();
    private static final String TENANT_COLUMNS = "SELECT id, scim_enabled, created FROM tenants";
    private static final String TOKEN_COLUMNS = "SELECT id, tenant_id, hash, created, last_used, expires FROM tokens";

    private TenantRows() {
    }

    static Optional<Tenant> oldest(Connection c) throws SQLException {
        return tenants(c, SqlWhere.of(TENANT_COLUMNS + " ORDER BY created, id LIMIT 1"));
    }

    static Optional<Tenant> find(Connection c, String tenantId) throws SQLException {
        return tenants(c, SqlWhere.of(TENANT_COLUMNS + " WHERE id = ?", tenantId));
    }

    static Tenant create(Connection c, Instant now) throws SQLException {
        Tenant tenant = new Tenant(UUID.randomUUID().toString(), false, now); // enabled by "scim enable"
        Jdbc.update(c, "INSERT INTO tenants (id, scim_enabled, created) VALUES (?, ?, ?)",
                tenant.id(), tenant.scimEnabled(), Timestamps.format(now));
        return tenant;
    }

    static void setScimEnabled(Connection c, String tenantId, boolean enabled) throws SQLException {
        Jdbc.update(c, "UPDATE tenants SET scim_enabled = ? WHERE id = ?", enabled, tenantId);
    }

    /** Adds a token; the tenant's other still-valid tokens then expire at {@code revokeOthersAt}, if set. */
    static Token addToken(Connection c, String tenantId, byte[] hash, Instant revokeOthersAt, Instant now)
            throws SQLException {
        Token token = new Token(UUID.randomUUID().toString(), tenantId, hash.clone(), now, null, null);
        Jdbc.update(c, "INSERT INTO tokens (id, tenant_id, hash, created) VALUES (?, ?, ?, ?)",
                token.id(), tenantId, HEX.formatHex(hash), Timestamps.format(now));
        if (revokeOthersAt != null) {
            String at = Timestamps.format(Timestamps.truncate(revokeOthersAt));
            // Never extend a token that already expires sooner.
            Jdbc.update(c, "UPDATE tokens SET expires = ? WHERE tenant_id = ? AND id <> ?"
                    + " AND (expires IS NULL OR expires > ?)", at, tenantId, token.id(), at);
        }
        return token;
    }

    static List<Token> activeTokens(Connection c, String tenantId, Instant now) throws SQLException {
        SqlWhere sql = SqlWhere.of(TOKEN_COLUMNS + " WHERE tenant_id = ? AND (expires IS NULL OR expires > ?)"
                + " ORDER BY created, id", tenantId, Timestamps.format(now));
        List<Token> tokens = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tokens.add(new Token(rs.getString(1), rs.getString(2), HEX.parseHex(rs.getString(3)),
                        Timestamps.parse(rs.getString(4)), Timestamps.parse(rs.getString(5)),
                        Timestamps.parse(rs.getString(6))));
            }
        }
        return tokens;
    }

    static void revokeAll(Connection c, String tenantId, Instant now) throws SQLException {
        String at = Timestamps.format(now);
        Jdbc.update(c, "UPDATE tokens SET expires = ? WHERE tenant_id = ? AND (expires IS NULL OR expires > ?)",
                at, tenantId, at);
    }

    static void recordUse(Connection c, String tokenId, Instant when) throws SQLException {
        Jdbc.update(c, "UPDATE tokens SET last_used = ? WHERE id = ?",
                Timestamps.format(Timestamps.truncate(when)), tokenId);
    }

    private static Optional<Tenant> tenants(Connection c, SqlWhere sql) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Tenant(rs.getString(1), rs.getBoolean(2), Timestamps.parse(rs.getString(3))));
        }
    }
}
