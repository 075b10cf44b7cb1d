package app.scimconsole.directory;

import app.scimconsole.domains.DomainCheck;
import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.DomainRecord;
import app.scimconsole.domains.DomainStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The history of each domain's checks (table {@code domain_checks}, migration {@code V4__domain_checks.sql}),
 * written in the same transaction as the domain's own row.
 */
final class DomainCheckRows {
    private DomainCheckRows() {
    }

    /** Adds the check {@code r} was just updated with, then drops all but the newest {@code kept} of its domain. */
    static void append(Connection c, DomainRecord r, int kept) throws SQLException {
        if (r.lastChecked() == null) {
            throw new IllegalArgumentException("a saved check result needs the time of the check");
        }
        List<Object> values = new ArrayList<>(List.of(r.tenantId(), r.domain().ascii(), r.lastChecked().toEpochMilli(),
                r.status().name()));
        values.addAll(FindingsColumns.values(r.findings()));
        Jdbc.update(c, "INSERT INTO domain_checks (tenant_id, domain, checked_at, status, " + FindingsColumns.NAMES
                + ") VALUES (" + Jdbc.placeholders(values) + ")", values.toArray());
        Jdbc.update(c, "DELETE FROM domain_checks WHERE tenant_id = ? AND domain = ? "
                + "AND seq NOT IN (SELECT seq FROM domain_checks WHERE tenant_id = ? AND domain = ? "
                + "ORDER BY checked_at DESC, seq DESC LIMIT ?)",
                r.tenantId(), r.domain().ascii(), r.tenantId(), r.domain().ascii(), kept);
    }

    /** The newest {@code limit} checks of the domain, newest first. */
    static List<DomainCheck> newest(Connection c, String tenantId, DomainName domain, int limit) throws SQLException {
        List<DomainCheck> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(c, SqlWhere.of("SELECT checked_at, status, " + FindingsColumns.NAMES
                + " FROM domain_checks "
                + "WHERE tenant_id = ? AND domain = ? ORDER BY checked_at DESC, seq DESC LIMIT ?",
                tenantId, domain.ascii(), limit)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new DomainCheck(Instant.ofEpochMilli(rs.getLong("checked_at")),
                        DomainStatus.valueOf(rs.getString("status")), FindingsColumns.read(rs)));
            }
        }
        return out;
    }

    /** Forgets the domain's checks, so that registering it again starts with an empty history. */
    static void removeAll(Connection c, String tenantId, DomainName domain) throws SQLException {
        Jdbc.update(c, "DELETE FROM domain_checks WHERE tenant_id = ? AND domain = ?", tenantId, domain.ascii());
    }
}
