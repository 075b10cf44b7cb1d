package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Event;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL numbers a write's events after the write committed, in a short transaction of its own under the tenant's
 * advisory lock (V25). Here the test holds that lock itself, so that writes commit and wait to be numbered, and
 * then lets them go ({@link EventOrderPostgresTest}: the order a reader sees while two instances write).
 */
class EventNumberingPostgresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The key space of the tenants' numbering locks (PendingEventRows). */
    private static final int LOCK_SPACE = 20_003;

    @Test
    void writesThatCommitWhileTheNumberingIsHeldAreNumberedTogetherAndAnswerOnlyOnceNumbered() throws Exception {
        PostgresDirectory.Settings db = TestPostgres.freshDatabase();
        ExecutorService writers = Executors.newFixedThreadPool(3);
        try (PostgresDirectory directory = PostgresDirectory.open(db);
                ServiceCore core = new ServiceCore(directory, null, Clock.systemUTC());
                Connection holder = connect(db)) {
            String tenantId = new TenantAdmin(directory, Clock.systemUTC()).enable().tenantId();
            ScimAccess.Caller caller = new ScimAccess.Caller(tenantId, true, "192.0.2.21");
            holder.setAutoCommit(false);
            lockNumbering(holder, tenantId);

            List<Future<StoredResource>> writes = new ArrayList<>();
            for (String name : List.of("Sales", "Support", "Finance")) {
                writes.add(writers.submit(() -> core.provisioning().create(caller, ResourceType.GROUP, group(name))));
            }
            awaitValue(db, "SELECT COUNT(*) FROM pending_events", 3); // the three writes committed their events
            awaitValue(db, "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", 3);
            assertThat(writes).as("no answer before its events are numbered").noneMatch(Future::isDone);
            assertThat(directory.events(tenantId, 0, 10)).as("committed, not yet in the feed").isEmpty();

            holder.rollback(); // lets the numbering go
            for (Future<StoredResource> w : writes) {
                w.get(60, TimeUnit.SECONDS);
            }
            assertThat(directory.events(tenantId, 0, 10)).extracting(Event::id).containsExactly(1L, 2L, 3L);
            assertThat(value(db, "SELECT COUNT(*) FROM pending_events")).isZero();
            assertThat(value(db, "SELECT COUNT(DISTINCT xmin::text) FROM directory_events"))
                    .as("one numbering numbered the three writes; the other two writers wrote nothing").isEqualTo(1);
            assertThat(value(db, "SELECT last_id FROM event_sequences WHERE tenant_id = '" + tenantId + "'"))
                    .isEqualTo(3);
        } finally {
            writers.shutdownNow();
            writers.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    static JsonNode group(String name) throws Exception {
        return JSON.readTree("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\""
                + name + "\"}");
    }

    static Connection connect(PostgresDirectory.Settings db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    /** Takes the tenant's numbering lock in {@code c}'s transaction, as a writer's numbering does. */
    static void lockNumbering(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            ps.setInt(1, LOCK_SPACE);
            ps.setString(2, tenantId);
            ps.executeQuery().close();
        }
    }

    static long value(PostgresDirectory.Settings db, String sql) throws SQLException {
        try (Connection c = connect(db); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until {@code sql} answers {@code expected} (the condition; the test's time-out bounds it). */
    static void awaitValue(PostgresDirectory.Settings db, String sql, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (value(db, sql) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(sql + " never answered " + expected + "; it answers " + value(db, sql));
            }
            Thread.sleep(10); // pacing only
        }
    }
}
