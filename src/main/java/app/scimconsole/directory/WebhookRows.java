package app.scimconsole.directory;

import app.scimconsole.directory.Directory.Event;
import app.scimconsole.directory.WebhookStore.Endpoint;
import app.scimconsole.directory.WebhookStore.EventBounds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook endpoints and their delivery state (cursor, failures, lease). */
final class WebhookRows {
    private static final String COLUMNS = "id, tenant_id, url, event_types, secret, created, delivered_id, attempts,"
            + " failing_since, next_attempt, last_success, last_error, cursor_generation, previous_secret,"
            + " previous_secret_until";

    private WebhookRows() {
    }

    static Endpoint add(Connection c, String tenantId, String url, List<String> eventTypes, String secret,
            Instant now) throws SQLException {
        String id = UUID.randomUUID().toString();
        long cursor = EventRows.lastId(c, tenantId);
        Jdbc.update(c, "INSERT INTO webhook_endpoints (id, tenant_id, url, event_types, secret, created, delivered_id,"
                + " attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 0)", id, tenantId, url, String.join(",", eventTypes),
                secret, Timestamps.format(now), cursor);
        return new Endpoint(id, tenantId, url, List.copyOf(eventTypes), secret, now, cursor, 0, null, null, null,
                null, 0, null, null);
    }

    static List<Endpoint> of(Connection c, String tenantId) throws SQLException {
        return select(c, SqlWhere.of("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE tenant_id = ?"
                + " ORDER BY created, id", tenantId));
    }

    static boolean remove(Connection c, String tenantId, String id) throws SQLException {
        return Jdbc.update(c, "DELETE FROM webhook_endpoints WHERE tenant_id = ? AND id = ?", tenantId, id) == 1;
    }

    static EventBounds bounds(Connection c, String tenantId) throws SQLException {
        return new EventBounds(EventRows.firstId(c, tenantId), EventRows.lastId(c, tenantId));
    }

    static boolean moveCursor(Connection c, String tenantId, String id, long after) throws SQLException {
        return Jdbc.update(c, "UPDATE webhook_endpoints SET delivered_id = ?, cursor_generation = cursor_generation + 1,"
                + " attempts = 0, next_attempt = NULL WHERE tenant_id = ? AND id = ?", after, tenantId, id) == 1;
    }

    /** {@code previous_secret = secret} reads the row as it was before this update, on both engines. */
    static boolean rotateSecret(Connection c, String tenantId, String id, String secret, Instant overlapUntil)
            throws SQLException {
        return Jdbc.update(c, "UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_until = ?,"
                + " secret = ? WHERE tenant_id = ? AND id = ?", Timestamps.format(overlapUntil), secret, tenantId,
                id) == 1;
    }

    static long backlog(Connection c, Endpoint e) throws SQLException {
        return EventRows.countAfter(c, e.tenantId(), e.deliveredId(), e.eventTypes());
    }

    static List<Endpoint> due(Connection c, Instant now) throws SQLException {
        String t = Timestamps.format(now);
        return select(c, SqlWhere.of("SELECT " + COLUMNS + " FROM webhook_endpoints"
                + " WHERE (next_attempt IS NULL OR next_attempt <= ?) AND (lease_until IS NULL OR lease_until < ?)"
                + " ORDER BY created, id", t, t));
    }

    /**
     * One conditional update takes the lease: of two instances racing for it, the database lets exactly one change
     * the row (the other's condition no longer holds once it may read the row again).
     */
    static Optional<Endpoint> lease(Connection c, String id, String owner, Instant now, Instant until)
            throws SQLException {
        int taken = Jdbc.update(c, "UPDATE webhook_endpoints SET lease_owner = ?, lease_until = ? WHERE id = ?"
                + " AND (lease_until IS NULL OR lease_until < ? OR lease_owner = ?)", owner, Timestamps.format(until),
                id, Timestamps.format(now), owner);
        if (taken != 1) {
            return Optional.empty();
        }
        return select(c, SqlWhere.of("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = ?", id)).stream()
                .findFirst();
    }

    static List<Event> pending(Connection c, Endpoint e, int limit) throws SQLException {
        return EventRows.after(c, e.tenantId(), e.deliveredId(), e.eventTypes(), limit);
    }

    static boolean delivered(Connection c, String id, String owner, int generation, long eventId, Instant now,
            Instant until) throws SQLException {
        return Jdbc.update(c, "UPDATE webhook_endpoints SET delivered_id = ?, attempts = 0, failing_since = NULL,"
                + " next_attempt = NULL, last_success = ?, lease_until = ? WHERE id = ? AND lease_owner = ?"
                + " AND cursor_generation = ?", eventId, Timestamps.format(now), Timestamps.format(until), id, owner,
                generation) == 1;
    }

    static boolean failed(Connection c, String id, String owner, int generation, Instant now, Instant next,
            String error) throws SQLException {
        return Jdbc.update(c, "UPDATE webhook_endpoints SET attempts = attempts + 1,"
                + " failing_since = COALESCE(failing_since, ?), next_attempt = ?, last_error = ?, lease_owner = NULL,"
                + " lease_until = NULL WHERE id = ? AND lease_owner = ? AND cursor_generation = ?",
                Timestamps.format(now), Timestamps.format(next), error, id, owner, generation) == 1;
    }

    static Void release(Connection c, String id, String owner) throws SQLException {
        Jdbc.update(c, "UPDATE webhook_endpoints SET lease_owner = NULL, lease_until = NULL WHERE id = ?"
                + " AND lease_owner = ?", id, owner);
        return null;
    }

    /** Frees every endpoint's lease; how many were held. */
    static int releaseAll(Connection c) throws SQLException {
        return Jdbc.update(c, "UPDATE webhook_endpoints SET lease_owner = NULL, lease_until = NULL"
                + " WHERE lease_owner IS NOT NULL");
    }

    private static List<Endpoint> select(Connection c, SqlWhere query) throws SQLException {
        List<Endpoint> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(c, query); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String types = rs.getString(4);
                out.add(new Endpoint(rs.getString(1), rs.getString(2), rs.getString(3),
                        types.isEmpty() ? List.of() : Arrays.asList(types.split(",")), rs.getString(5),
                        Timestamps.parse(rs.getString(6)), rs.getLong(7), rs.getInt(8),
                        Timestamps.parse(rs.getString(9)), Timestamps.parse(rs.getString(10)),
                        Timestamps.parse(rs.getString(11)), rs.getString(12), rs.getInt(13), rs.getString(14),
                        Timestamps.parse(rs.getString(15))));
            }
        }
        return out;
    }
}
