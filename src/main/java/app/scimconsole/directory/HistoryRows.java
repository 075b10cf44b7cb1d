package app.scimconsole.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The attribute history's upkeep (and the directory events', kept as long): its retention per tenant, and the purge
 * of what is older. The history is two columns of each activity entry (V30).
 */
final class HistoryRows {
    private HistoryRows() {
    }

    /**
     * The tenants with activity entries (the only writer of history and events): the distinct tenants read from the
     * log's index one seek each, not by a walk of every entry.
     */
    static List<String> tenants(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("WITH RECURSIVE t (id) AS (SELECT MIN(tenant_id) FROM activity"
                + " UNION ALL SELECT (SELECT MIN(tenant_id) FROM activity WHERE tenant_id > t.id) FROM t"
                + " WHERE t.id IS NOT NULL) SELECT id FROM t WHERE id IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /**
     * Removes the tenant's history written before {@code cutoff}; the activity entries themselves stay. The entries
     * are numbered in the order of their writes, so their dates grow with their numbers: the history purged is that of
     * the entries after where the last purge stopped and before the first entry dated at or after the cutoff, a range
     * of the log's key (no index of the dates: V30). An entry dated a moment out of that order keeps its history until
     * a later purge; none loses it early. Where the purge stops is the last entry before that first kept one: an entry
     * a concurrent write on PostgreSQL numbered lower but commits later is dated now, after the cutoff, and so after
     * the first one kept, which the range ends before.
     */
    static int purge(Connection c, String tenantId, Instant cutoff) throws SQLException {
        long from = Jdbc.oneLong(c, SqlWhere.of("SELECT through_seq FROM history_purged WHERE tenant_id = ?",
                tenantId), 0);
        long firstKept = Jdbc.oneLong(c, SqlWhere.of("SELECT seq FROM activity WHERE tenant_id = ? AND seq > ?"
                + " AND time >= ? ORDER BY seq LIMIT 1", tenantId, from, Timestamps.format(cutoff)), Long.MAX_VALUE);
        int purged = Jdbc.update(c, "UPDATE activity SET request_id = NULL, changes = NULL WHERE tenant_id = ?"
                + " AND seq > ? AND seq < ? AND changes IS NOT NULL", tenantId, from, firstKept);
        long through = Jdbc.oneLong(c, SqlWhere.of("SELECT MAX(seq) FROM activity WHERE tenant_id = ? AND seq > ?"
                + " AND seq < ?", tenantId, from, firstKept), from);
        if (through > from) {
            Jdbc.update(c, "INSERT INTO history_purged (tenant_id, through_seq) VALUES (?, ?) ON CONFLICT (tenant_id)"
                    + " DO UPDATE SET through_seq = excluded.through_seq"
                    + " WHERE excluded.through_seq > history_purged.through_seq", tenantId, through); // never back
        }
        return purged;
    }

    static Optional<Integer> retentionDays(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c,
                SqlWhere.of("SELECT days FROM history_retention WHERE tenant_id = ?", tenantId));
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
        }
    }

    static void setRetentionDays(Connection c, String tenantId, int days) throws SQLException {
        if (Jdbc.update(c, "UPDATE history_retention SET days = ? WHERE tenant_id = ?", days, tenantId) == 0) {
            Jdbc.update(c, "INSERT INTO history_retention (tenant_id, days) VALUES (?, ?)", tenantId, days);
        }
    }
}
