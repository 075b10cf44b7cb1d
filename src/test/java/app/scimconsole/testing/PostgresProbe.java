package app.scimconsole.testing;

import app.scimconsole.directory.PostgresDirectory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/** A test's own look into a PostgreSQL database beside the service: one value, a wait on one, the numbering lock. */
public final class PostgresProbe {
    /** The key space of the tenants' numbering locks (the directory's PendingEventRows). */
    private static final int LOCK_SPACE = 20_003;

    private PostgresProbe() {
    }

    public static Connection connect(PostgresDirectory.Settings db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    /** Takes the tenant's numbering lock in {@code c}'s transaction, as a writer's numbering does. */
    public static void lockNumbering(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            ps.setInt(1, LOCK_SPACE);
            ps.setString(2, tenantId);
            ps.executeQuery().close();
        }
    }

    public static long value(PostgresDirectory.Settings db, String sql) throws SQLException {
        try (Connection c = connect(db); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until {@code sql} answers {@code expected} (the condition; the test's time-out bounds it). */
    public static void awaitValue(PostgresDirectory.Settings db, String sql, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (value(db, sql) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(sql + " never answered " + expected + "; it answers " + value(db, sql));
            }
            Thread.sleep(10); // pacing only
        }
    }
}
