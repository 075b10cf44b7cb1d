package app.scimconsole.directory;

import app.scimconsole.directory.Directory.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's events before they are numbered (V25 says why): stored by the write in its own transaction, then moved
 * into {@code directory_events} with the tenant's next ids by {@link #number}, in a transaction of its own under the
 * tenant's advisory lock.
 */
final class PendingEventRows {
    /**
     * The first key of the tenant locks (the two-key form of the advisory locks, a space of its own, apart from
     * Flyway's single-key lock): issue 20, item 3.
     */
    private static final int LOCK_SPACE = 20_003;
    /** How long a numbering may wait for the tenant's lock (and its one statement under it run). */
    static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    /**
     * The tenant's lowest pending number that may still be numbered (V32): a seek from it passes none of the index
     * entries that the rows already moved leave until a vacuum. For one parameter, the tenant's id.
     */
    private static final String FLOOR = "COALESCE((SELECT pending_floor FROM event_sequences WHERE tenant_id = ?), 0)";
    /**
     * Moves the tenant's committed pending events from its floor on into {@code directory_events} with the next ids, in
     * pending order, and keeps the floor (V32 says why it is safe): a candidate becomes the floor once this statement's
     * snapshot shows no transaction running that began before it was proposed (this numbering then moves what those
     * committed), and a numbering that finds no candidate waiting, or makes one the floor, proposes the next one: the
     * largest number it moved plus one, with this numbering's own transaction id, given out after its snapshot and so
     * after the id of every write that had taken a smaller number. Not the snapshot's {@code xmax}: that is the newest
     * finished transaction's id plus one, below the ids of writes still running that got theirs later, so a candidate
     * made with it could pass a write still open (seen at a million users: events left for the background pass).
     */
    private static final String MOVE = "WITH state AS (SELECT last_id, pending_floor, floor_candidate, floor_candidate_xid,"
            + " floor_candidate_xid <= txid_snapshot_xmin(txid_current_snapshot()) AS candidate_due"
            + " FROM event_sequences WHERE tenant_id = ?),"
            + " moved AS (DELETE FROM pending_events WHERE tenant_id = ?"
            + " AND seq >= COALESCE((SELECT pending_floor FROM state), 0)"
            + " RETURNING seq, time, type, resource_type, resource_id, resource, previous, member_id),"
            + " numbered AS (SELECT COALESCE((SELECT last_id FROM state), 0)"
            + " + row_number() OVER (ORDER BY seq) AS id, moved.* FROM moved),"
            + " stored AS (INSERT INTO directory_events (tenant_id, id, time, type, resource_type, resource_id, resource,"
            + " previous, member_id) SELECT ?, id, time, type, resource_type, resource_id, resource, previous, member_id"
            + " FROM numbered RETURNING id),"
            + " next AS (SELECT CASE WHEN s.candidate_due THEN s.floor_candidate ELSE COALESCE(s.pending_floor, 0) END"
            + " AS pending_floor, s.floor_candidate IS NULL OR s.candidate_due IS TRUE AS propose, s.floor_candidate,"
            + " s.floor_candidate_xid, m.top FROM (SELECT MAX(seq) AS top FROM moved) m LEFT JOIN state s ON TRUE),"
            + " advanced AS (INSERT INTO event_sequences (tenant_id, last_id, pending_floor, floor_candidate,"
            + " floor_candidate_xid) SELECT ?, (SELECT MAX(id) FROM stored), pending_floor,"
            + " CASE WHEN propose THEN top + 1 ELSE floor_candidate END,"
            + " CASE WHEN propose THEN txid_current() ELSE floor_candidate_xid END"
            + " FROM next WHERE top IS NOT NULL ON CONFLICT (tenant_id) DO UPDATE SET last_id = excluded.last_id,"
            + " pending_floor = excluded.pending_floor, floor_candidate = excluded.floor_candidate,"
            + " floor_candidate_xid = excluded.floor_candidate_xid RETURNING last_id)"
            + " SELECT COUNT(*) FROM stored";

    private PendingEventRows() {
    }

    /**
     * Stores {@code events} unnumbered, dated {@code time}, in the caller's transaction; returns the pending number
     * of the first, or 0 when there are none.
     */
    static long add(Connection c, String tenantId, Instant time, List<Event> events, List<EventRows.Written> texts)
            throws SQLException {
        if (events.isEmpty()) {
            return 0;
        }
        String when = Timestamps.format(time);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pending_events (tenant_id, time, type, resource_type,"
                + " resource_id, resource, previous, member_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"seq"})) {
            for (int i = 0; i < events.size(); i++) {
                ps.setString(1, tenantId);
                ps.setString(2, when);
                EventRows.bindContent(ps, 3, events.get(i), texts.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * Takes the tenant's numbering lock until the caller's transaction ends. Taken as a statement of its own: the
     * next statement's snapshot is then taken after the previous holder committed, and sees its numbers. The wait is
     * for the numberings queued before this one, each of one statement within the statement limit and a commit; it
     * may take longer than that limit on a loaded server, so it has {@link #LOCK_WAIT} (sent with it, one round trip).
     */
    static void lock(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SET LOCAL statement_timeout = " + LOCK_WAIT.toMillis()
                + "; SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            ps.setInt(1, LOCK_SPACE);
            ps.setString(2, tenantId);
            ps.execute();
        }
    }

    /** Takes the tenant's numbering lock if no other numbering holds it; false (at once) if one does. */
    static boolean tryLock(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, hashtext(?))")) {
            ps.setInt(1, LOCK_SPACE);
            ps.setString(2, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * The tenant's newest committed pending number, or 0 when none of its events waits: a walk back from the newest
     * entry, down to the floor at most.
     */
    static long newest(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM pending_events WHERE tenant_id = ?"
                + " AND seq >= " + FLOOR)) {
            ps.setString(1, tenantId);
            ps.setString(2, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Waits until the numbering in progress for the tenant has committed (a shared hold on its lock, which any number
     * of waiters get together, where the lock itself would let them through one by one), then tells whether any of
     * its events up to pending number {@code through} still waits: false when that numbering took them all.
     */
    static boolean pendingAfterNumbering(Connection c, String tenantId, long through) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SET LOCAL statement_timeout = " + LOCK_WAIT.toMillis()
                + "; SELECT pg_advisory_xact_lock_shared(?, hashtext(?))")) {
            ps.setInt(1, LOCK_SPACE);
            ps.setString(2, tenantId);
            ps.execute();
        }
        // a statement of its own: its snapshot is taken after that numbering committed
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM pending_events WHERE tenant_id = ? AND seq <= ? AND seq >= " + FLOOR
                        + ")")) {
            ps.setString(1, tenantId);
            ps.setLong(2, through);
            ps.setString(3, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * Under the tenant's {@link #lock}: numbers every committed pending event of the tenant after its last id, in
     * pending order, and moves it into {@code directory_events}; returns how many.
     */
    static int number(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MOVE)) {
            ps.setString(1, tenantId);
            ps.setString(2, tenantId);
            ps.setString(3, tenantId);
            ps.setString(4, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The tenants with events pending since {@code age} ago or longer (by the database's clock). */
    static List<String> tenantsWaiting(Connection c, Duration age) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT tenant_id FROM pending_events"
                + " WHERE queued_at <= now() - make_interval(secs => ?)")) {
            ps.setDouble(1, age.toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
