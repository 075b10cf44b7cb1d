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
    /**
     * The tenant's last event id (0: none yet), for two parameters, the tenant's id each: the newest event kept, or
     * the last id a purge recorded when it removed the newest ({@code event_sequences}; on PostgreSQL the numbering
     * keeps it too). Both are seeks of a key.
     */
    private static final String LAST_ID = "(SELECT COALESCE(MAX(last), 0) FROM (SELECT MAX(id) AS last"
            + " FROM directory_events WHERE tenant_id = ? UNION ALL SELECT last_id FROM event_sequences"
            + " WHERE tenant_id = ?) AS kept)";

    private EventRows() {
    }

    /**
     * Numbers {@code events} after the tenant's last id ({@link #LAST_ID}) and stores them, dated {@code time} (SQLite's
     * way; PostgreSQL numbers them after the write's commit, {@link PendingEventRows}). Each event's id is read in its
     * own INSERT from what the transaction sees: SQLite's writes are serial (one writer in the service, and a second
     * process, the CLI, waits for the file's write lock), so no two writes take the same number, a write that rolls
     * back takes its numbers back, and nothing is kept in memory that a restart or another process could contradict.
     * Until V29 the number was an upsert of {@code event_sequences} in every write: one B-tree more in each commit;
     * now only a purge writes that row ({@link #purge}), so that numbering goes on past events that are gone.
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
        String when = Timestamps.format(time);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO directory_events (tenant_id, id, time, type,"
                + " resource_type, resource_id, resource, previous, member_id) VALUES (?, " + LAST_ID + " + 1, ?, ?, ?,"
                + " ?, ?, ?, ?)")) {
            for (int i = 0; i < events.size(); i++) {
                ps.setString(1, tenantId);
                ps.setString(2, tenantId);
                ps.setString(3, tenantId);
                ps.setString(4, when);
                bindContent(ps, 5, events.get(i), texts.get(i));
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
        return Jdbc.oneLong(c, SqlWhere.of("SELECT COUNT(*) FROM directory_events WHERE tenant_id = ? AND id > ?"
                + ofTypes(types), params.toArray()), 0);
    }

    /** The tenant's oldest event id still kept (0: none kept). */
    static long firstId(Connection c, String tenantId) throws SQLException {
        return Jdbc.oneLong(c, SqlWhere.of("SELECT MIN(id) FROM directory_events WHERE tenant_id = ?", tenantId), 0);
    }

    /** The tenant's last event id (0: none yet). */
    static long lastId(Connection c, String tenantId) throws SQLException {
        return Jdbc.oneLong(c, SqlWhere.of("SELECT " + LAST_ID, tenantId, tenantId), 0);
    }

    private static String ofTypes(List<String> types) {
        return types.isEmpty() ? "" : " AND type IN (" + Jdbc.placeholders(types) + ")";
    }

    /**
     * Removes the tenant's events older than {@code cutoff}: those before the first one dated at or after it, a range of
     * the key (events are numbered in the order of their writes, so their dates grow with the ids; an event dated a
     * moment out of that order stays until a later purge, none is removed early). Before, the tenant's last id is
     * recorded, so that the numbering goes on after it when every event is gone ({@link #append}). No index of the
     * dates is needed (V29 removed it: one B-tree fewer in each write's commit); the walk from the oldest event stops
     * at the first one kept.
     */
    static int purge(Connection c, String tenantId, Instant cutoff) throws SQLException {
        Jdbc.update(c, "INSERT INTO event_sequences (tenant_id, last_id) SELECT ?, " + LAST_ID
                + " WHERE TRUE ON CONFLICT (tenant_id) DO UPDATE SET last_id = excluded.last_id"
                // never back: on PostgreSQL a numbering may have moved it on since this statement's snapshot
                + " WHERE excluded.last_id > event_sequences.last_id", tenantId, tenantId, tenantId);
        return Jdbc.update(c, "DELETE FROM directory_events WHERE tenant_id = ? AND id < COALESCE((SELECT id"
                + " FROM directory_events WHERE tenant_id = ? AND time >= ? ORDER BY id LIMIT 1), ?)", tenantId,
                tenantId, Timestamps.format(cutoff), Long.MAX_VALUE);
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new StorageException("A stored directory event is not a JSON object", e);
        }
    }
}
