package app.scimconsole.directory;

import app.scimconsole.directory.Directory.EventReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The event feed's reader credentials: only their digests (hex), with a label, the time they were issued and the
 * time they were last used.
 */
final class EventReaderRows {
    private EventReaderRows() {
    }

    static EventReader add(Connection c, String tenantId, byte[] hash, String label, Instant created)
            throws SQLException {
        EventReader reader = new EventReader(UUID.randomUUID().toString(), tenantId, hash, label, created, null);
        Jdbc.update(c, "INSERT INTO event_readers (id, tenant_id, hash, label, created) VALUES (?, ?, ?, ?, ?)",
                reader.id(), tenantId, HexFormat.of().formatHex(hash), label, Timestamps.format(created));
        return reader;
    }

    static List<EventReader> of(Connection c, String tenantId) throws SQLException {
        List<EventReader> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(c, SqlWhere.of("SELECT id, hash, label, created, last_used FROM event_readers"
                + " WHERE tenant_id = ? ORDER BY created, id", tenantId)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new EventReader(rs.getString(1), tenantId, HexFormat.of().parseHex(rs.getString(2)),
                        rs.getString(3), Timestamps.parse(rs.getString(4)),
                        Timestamps.parse(rs.getString(5))));
            }
        }
        return out;
    }

    /** Timestamps are fixed-width ISO text, so they compare as text in both engines. */
    static int used(Connection c, String tenantId, String id, Instant at) throws SQLException {
        String t = Timestamps.format(at);
        return Jdbc.update(c, "UPDATE event_readers SET last_used = ? WHERE tenant_id = ? AND id = ?"
                + " AND (last_used IS NULL OR last_used < ?)", t, tenantId, id, t);
    }

    static boolean remove(Connection c, String tenantId, String id) throws SQLException {
        return Jdbc.update(c, "DELETE FROM event_readers WHERE tenant_id = ? AND id = ?", tenantId, id) == 1;
    }
}
