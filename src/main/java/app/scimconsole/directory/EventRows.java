package app.scimconsole.directory;

import app.scimconsole.directory.Directory.Event;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The directory events: appended in their write's transaction, read in id order, purged when old. */
final class EventRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventRows() {
    }

    /**
     * Numbers {@code events} after the tenant's last id and stores them, dated {@code time} (SQLite's way; PostgreSQL
     * numbers them after the write's commit, {@link PendingEventRows}). The numbers are taken
     * with an upsert that locks the tenant's sequence row until the caller's transaction ends: a concurrent writer of
     * the same tenant (another instance on PostgreSQL) waits here until this one has committed, so ids become visible
     * in increasing order and a reader paging by id never passes over one that commits later. The caller makes this
     * its write's last statement, so the lock is held only for the commit itself.
     */
    static void append(Connection c, String tenantId, Instant time, List<Event> events) throws SQLException {
        append(c, tenantId, time, events, written(events));
    }

    /** An event's JSON columns as text, written before the write transaction (the single writer only inserts). */
    record Written(String resource, String previous) {
    }

    static List<Written> written(List<Event> events) {
        return events.stream().map(e -> new Written(e.resource().toString(), e.previous().toString())).toList();
    }

    /** {@link #append(Connection, String, Instant, List)} with the events' JSON already {@link #written}. */
    static void append(Connection c, String tenantId, Instant time, List<Event> events, List<Written> texts)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        long last;
        try (PreparedStatement ps = Jdbc.prepare(c, SqlWhere.of("INSERT INTO event_sequences (tenant_id, last_id)"
                + " VALUES (?, ?) ON CONFLICT (tenant_id) DO UPDATE SET last_id = event_sequences.last_id"
                + " + excluded.last_id RETURNING last_id", tenantId, (long) events.size()));
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            last = rs.getLong(1);
        }
        long id = last - events.size();
        String when = Timestamps.format(time);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO directory_events (tenant_id, id, time, type,"
                + " resource_type, resource_id, resource, previous, member_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < events.size(); i++) {
                ps.setString(1, tenantId);
                ps.setLong(2, ++id);
                ps.setString(3, when);
                bindContent(ps, 4, events.get(i), texts.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Sets an event's content — type, resource type, resource id, resource, previous, member id — as the parameters
     * from {@code first} on.
     */
    static void bindContent(PreparedStatement ps, int first, Event e, Written text) throws SQLException {
        ps.setString(first, e.type());
        ps.setString(first + 1, e.resourceType());
        ps.setString(first + 2, e.resourceId());
        ps.setString(first + 3, text.resource());
        ps.setString(first + 4, text.previous());
        ps.setString(first + 5, e.memberId());
    }

    static List<Event> after(Connection c, String tenantId, long afterId, int limit) throws SQLException {
        return after(c, tenantId, afterId, List.of(), limit);
    }

    /** The tenant's events after {@code afterId} of the given types (empty: every type), oldest first. */
    static List<Event> after(Connection c, String tenantId, long afterId, List<String> types, int limit)
            throws SQLException {
        List<Event> out = new ArrayList<>();
        List<Object> params = new ArrayList<>(List.of(tenantId, afterId));
        params.addAll(types);
        params.add(Math.max(0, limit));
        try (PreparedStatement ps = Jdbc.prepare(c, SqlWhere.of("SELECT id, time, type, resource_type, resource_id,"
                + " resource, previous, member_id FROM directory_events WHERE tenant_id = ? AND id > ?"
                + ofTypes(types) + " ORDER BY id LIMIT ?", params.toArray())); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Event(rs.getLong(1), tenantId, Timestamps.parse(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), object(rs.getString(6)), object(rs.getString(7)), rs.getString(8)));
            }
        }
        return out;
    }

    /** How many of the tenant's events after {@code afterId} are of the given types (empty: every type). */
    static long countAfter(Connection c, String tenantId, long afterId, List<String> types) throws SQLException {
        List<Object> params = new ArrayList<>(List.of(tenantId, afterId));
        params.addAll(types);
        try (PreparedStatement ps = Jdbc.prepare(c, SqlWhere.of("SELECT COUNT(*) FROM directory_events"
                + " WHERE tenant_id = ? AND id > ?" + ofTypes(types), params.toArray()));
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The tenant's oldest event id still kept (0: none kept). */
    static long firstId(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, SqlWhere.of("SELECT MIN(id) FROM directory_events"
                + " WHERE tenant_id = ?", tenantId)); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The tenant's last event id (0: none yet). */
    static long lastId(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, SqlWhere.of("SELECT last_id FROM event_sequences"
                + " WHERE tenant_id = ?", tenantId)); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String ofTypes(List<String> types) {
        return types.isEmpty() ? "" : " AND type IN (" + Jdbc.placeholders(types) + ")";
    }

    static int purge(Connection c, String tenantId, Instant cutoff) throws SQLException {
        return Jdbc.update(c, "DELETE FROM directory_events WHERE tenant_id = ? AND time < ?", tenantId,
                Timestamps.format(cutoff));
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new StorageException("A stored directory event is not a JSON object", e);
        }
    }
}
