package app.scimconsole.directory;

import app.scimconsole.directory.Directory.Activity;
import app.scimconsole.directory.Directory.Change;
import app.scimconsole.directory.Directory.History;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The activity log and its attribute history (columns of each entry, V30): appended to, read newest first, the history
 * purged when old ({@link HistoryRows}).
 */
final class ActivityRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private ActivityRows() {
    }

    private static String writeArgs(List<String> args) {
        if (args.isEmpty()) {
            return "[]"; // most entries (a create's): no generator needed for that
        }
        try {
            return JSON.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new StorageException("An activity entry's arguments could not be written as JSON", e);
        }
    }

    private static List<String> readArgs(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new StorageException("A stored activity entry's arguments are not valid JSON", e);
        }
    }

    /**
     * Stores {@code entry}; the store numbers it ({@code seq} is ignored) and dates it if it is undated. Its history,
     * if any, is stored in it, and its directory events after it (into {@code events}), in the caller's transaction.
     */
    static void append(Connection c, Activity entry, Instant now, EventSink events) throws SQLException {
        prepare(entry).append(c, now, events);
    }

    /**
     * {@code entry} with its JSON columns written: what needs no database, done before the write transaction, so
     * that the single writer of SQLite only inserts ({@link Prepared#append}).
     */
    static Prepared prepare(Activity entry) {
        return new Prepared(entry, entry.code() == null ? null : writeArgs(entry.args()),
                entry.history() == null ? null : writeChanges(entry.history().changes()),
                EventRows.written(entry.events()));
    }

    /** An activity entry ready to insert: its arguments, its history's changes and its events as JSON text. */
    record Prepared(Activity entry, String args, String changes, List<EventRows.Written> events) {
        /**
         * Inserts the entry, dated {@code now} if it is undated, its history, and its events into {@code sink}, in
         * the caller's transaction.
         */
        void append(Connection c, Instant now, EventSink sink) throws SQLException {
            Instant time = entry.time() != null ? Timestamps.truncate(entry.time()) : now;
            Jdbc.update(c, "INSERT INTO activity (time, tenant_id, operation, resource, resource_id, user_name, outcome,"
                            + " code, args, detail, client_address, request_id, changes)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Timestamps.format(time), entry.tenantId(), entry.operation(), entry.resource(), entry.resourceId(),
                    entry.userName(), entry.outcome(), entry.code(), args, entry.detail(), entry.clientAddress(),
                    entry.history() == null ? null : entry.history().requestId(), changes);
            sink.store(c, entry.tenantId(), time, entry.events(), events);
        }
    }

    private static String writeChanges(List<Change> changes) {
        ArrayNode array = JSON.createArrayNode();
        for (Change ch : changes) {
            array.addObject().put("attribute", ch.attribute()).put("old", ch.before()).put("new", ch.after());
        }
        return array.toString();
    }

    private static History readHistory(String requestId, String changes) {
        if (changes == null) {
            return null;
        }
        try {
            List<Change> out = new ArrayList<>();
            for (JsonNode n : JSON.readTree(changes)) {
                out.add(new Change(n.path("attribute").asText(), textOrNull(n.get("old")), textOrNull(n.get("new"))));
            }
            return new History(requestId, out);
        } catch (JsonProcessingException e) {
            throw new StorageException("A stored attribute history is not valid JSON", e);
        }
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    /** An entry and its history, in its own row since V30. */
    private static final String COLUMNS = "SELECT a.seq, a.time, a.tenant_id, a.operation, a.resource,"
            + " a.resource_id, a.user_name, a.outcome, a.code, a.args, a.detail, a.client_address, a.request_id,"
            + " a.changes FROM activity a";

    /** The latest {@code limit} entries of the tenant (of all tenants when {@code tenantId} is null). */
    static List<Activity> latest(Connection c, String tenantId, int limit) throws SQLException {
        return read(c, tenantId == null
                ? SqlWhere.of(COLUMNS + " ORDER BY a.seq DESC LIMIT ?", Math.max(0, limit))
                : SqlWhere.of(COLUMNS + " WHERE a.tenant_id = ? ORDER BY a.seq DESC LIMIT ?", tenantId,
                        Math.max(0, limit)));
    }

    /** The latest {@code limit} entries of the tenant about one resource. */
    static List<Activity> about(Connection c, String tenantId, String resourceId, int limit) throws SQLException {
        return read(c, SqlWhere.of(COLUMNS + " WHERE a.tenant_id = ? AND a.resource_id = ? ORDER BY a.seq DESC LIMIT ?",
                tenantId, resourceId, Math.max(0, limit)));
    }

    private static List<Activity> read(Connection c, SqlWhere sql) throws SQLException {
        List<Activity> entries = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entries.add(new Activity(rs.getLong(1), Timestamps.parse(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), readArgs(rs.getString(10)), rs.getString(11), rs.getString(12),
                        readHistory(rs.getString(13), rs.getString(14))));
            }
        }
        return entries;
    }
}
