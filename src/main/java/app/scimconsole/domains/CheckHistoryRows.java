package app.scimconsole.domains;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of table {@code domain_checks} (migration {@code V4__domain_checks.sql}), on a connection the caller
 * owns, so that {@link DomainStore} can write them in the same transaction as the domain itself.
 */
final class CheckHistoryRows {
    private CheckHistoryRows() {
    }

    /** Adds the check {@code r} was just updated with, then drops all but the newest {@code kept} of its domain. */
    static void append(Connection c, DomainRecord r, int kept) throws SQLException {
        if (r.lastChecked() == null) {
            throw new IllegalArgumentException("a saved check result needs the time of the check");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO domain_checks (tenant_id, domain, checked_at, status, detail) VALUES (?,?,?,?,?)")) {
            ps.setString(1, r.tenantId());
            ps.setString(2, r.domain().ascii());
            ps.setLong(3, r.lastChecked().toEpochMilli());
            ps.setString(4, r.status().name());
            ps.setString(5, r.detail());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM domain_checks WHERE tenant_id = ? AND domain = ? "
                + "AND seq NOT IN (SELECT seq FROM domain_checks WHERE tenant_id = ? AND domain = ? "
                + "ORDER BY checked_at DESC, seq DESC LIMIT ?)")) {
            bindDomain(ps, 1, r.tenantId(), r.domain());
            bindDomain(ps, 3, r.tenantId(), r.domain());
            ps.setInt(5, kept);
            ps.executeUpdate();
        }
    }

    /** The newest {@code limit} checks of the domain, newest first. */
    static List<DomainCheck> newest(Connection c, String tenantId, DomainName domain, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT checked_at, status, detail FROM domain_checks "
                + "WHERE tenant_id = ? AND domain = ? ORDER BY checked_at DESC, seq DESC LIMIT ?")) {
            bindDomain(ps, 1, tenantId, domain);
            ps.setInt(3, limit);
            List<DomainCheck> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DomainCheck(Instant.ofEpochMilli(rs.getLong(1)), DomainStatus.valueOf(rs.getString(2)),
                            rs.getString(3)));
                }
            }
            return out;
        }
    }

    /** Forgets the domain's checks, so that registering it again starts with an empty history. */
    static void removeAll(Connection c, String tenantId, DomainName domain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM domain_checks WHERE tenant_id = ? AND domain = ?")) {
            bindDomain(ps, 1, tenantId, domain);
            ps.executeUpdate();
        }
    }

    private static void bindDomain(PreparedStatement ps, int first, String tenantId, DomainName domain)
            throws SQLException {
        ps.setString(first, tenantId);
        ps.setString(first + 1, domain.ascii());
    }
}
