package app.scimconsole.directory;

import app.scimconsole.directory.Directory.Activity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The activity log: appended to, and read newest first. */
final class ActivityRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private ActivityRows() {
    }

    private static String writeArgs(List<String> args) {
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

    /** Stores {@code entry}; the store numbers it ({@code seq} is ignored) and dates it if it is undated. */
    static void append(Connection c, Activity entry, Instant now) throws SQLException {
        Instant time = entry.time() != null ? Timestamps.truncate(entry.time()) : now;
        Jdbc.update(c, "INSERT INTO activity (time, tenant_id, operation, resource, resource_id, user_name, outcome,"
                        + " code, args, detail, client_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Timestamps.format(time), entry.tenantId(), entry.operation(), entry.resource(), entry.resourceId(),
                entry.userName(), entry.outcome(), entry.code(), entry.code() == null ? null : writeArgs(entry.args()),
                entry.detail(), entry.clientAddress());
    }

    /** The latest {@code limit} entries of the tenant (of all tenants when {@code tenantId} is null). */
    static List<Activity> latest(Connection c, String tenantId, int limit) throws SQLException {
        String columns = "SELECT seq, time, tenant_id, operation, resource, resource_id, user_name, outcome, code,"
                + " args, detail, client_address FROM activity";
        SqlWhere sql = tenantId == null
                ? SqlWhere.of(columns + " ORDER BY seq DESC LIMIT ?", Math.max(0, limit))
                : SqlWhere.of(columns + " WHERE tenant_id = ? ORDER BY seq DESC LIMIT ?", tenantId, Math.max(0, limit));
        List<Activity> entries = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entries.add(new Activity(rs.getLong(1), Timestamps.parse(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), readArgs(rs.getString(10)), rs.getString(11), rs.getString(12)));
            }
        }
        return entries;
    }
}
