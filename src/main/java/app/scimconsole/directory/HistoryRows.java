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
 * of what is older.
 */
final class HistoryRows {
    private HistoryRows() {
    }

    static List<String> tenants(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tenant_id FROM attribute_history"
                + " UNION SELECT tenant_id FROM directory_events");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Removes the tenant's history written before {@code cutoff}; the activity entries themselves stay. */
    static int purge(Connection c, String tenantId, Instant cutoff) throws SQLException {
        return Jdbc.update(c, "DELETE FROM attribute_history WHERE tenant_id = ? AND time < ?", tenantId,
                Timestamps.format(cutoff));
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
