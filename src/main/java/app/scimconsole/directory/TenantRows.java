package app.scimconsole.directory;

import app.scimconsole.directory.Directory.Tenant;
import app.scimconsole.directory.Directory.TenantTokens;
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
    /** The decoys of {@link #credentials}: as long as a token's id and hash; their row says they are decoys. */
    private static final String DECOY_ID = new UUID(0, 0).toString();
    private static final String DECOY_HASH = HEX.formatHex(new byte[32]);
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

    /**
     * The tenant {@code tenantId} and its tokens live at {@code now}, in one statement whose answer has the same
     * shape whether the tenant exists or not: the time of a refused sign-in must not tell a stranger which tenants
     * exist. Every row has the same columns of the same length: where the tenant or a token is missing, or a token
     * has no last use or expiry, the row carries a decoy of the same size and a column saying it is one. An unknown
     * tenant, and a tenant without live tokens, give one row of decoys; a tenant with one live token (the usual case)
     * one real row; each further live token (the old one during a rotation's overlap) one more row. Every row is
     * read and decoded alike, decoys included, and only then are the decoys dropped.
     */
    static Optional<TenantTokens> credentials(Connection c, String tenantId, Instant now) throws SQLException {
        String at = Timestamps.format(now);
        SqlWhere sql = SqlWhere.of("SELECT t.id IS NOT NULL, COALESCE(t.scim_enabled, FALSE), COALESCE(t.created, ?),"
                + " k.id IS NOT NULL, COALESCE(k.id, ?), COALESCE(k.hash, ?), COALESCE(k.created, ?),"
                + " k.last_used IS NOT NULL, COALESCE(k.last_used, ?), k.expires IS NOT NULL, COALESCE(k.expires, ?)"
                + " FROM (SELECT CAST(? AS VARCHAR) AS id) q"
                + " LEFT JOIN tenants t ON t.id = q.id"
                + " LEFT JOIN tokens k ON k.tenant_id = q.id AND (k.expires IS NULL OR k.expires > ?)"
                + " ORDER BY k.created, k.id",
                at, DECOY_ID, DECOY_HASH, at, at, at, tenantId, at);
        Tenant tenant = null;
        List<Token> tokens = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Tenant t = new Tenant(tenantId, rs.getBoolean(2), Timestamps.parse(rs.getString(3)));
                Token k = new Token(rs.getString(5), tenantId, HEX.parseHex(rs.getString(6)),
                        Timestamps.parse(rs.getString(7)), present(rs, 8, Timestamps.parse(rs.getString(9))),
                        present(rs, 10, Timestamps.parse(rs.getString(11))));
                tenant = rs.getBoolean(1) ? t : null;
                if (rs.getBoolean(4)) {
                    tokens.add(k);
                }
            }
        }
        return tenant == null ? Optional.empty() : Optional.of(new TenantTokens(tenant, tokens));
    }

    /** {@code value}, decoded whether or not it is a decoy, when column {@code flag} says it is not one; else null. */
    private static Instant present(ResultSet rs, int flag, Instant value) throws SQLException {
        return rs.getBoolean(flag) ? value : null;
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
