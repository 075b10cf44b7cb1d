package app.scimconsole.http;

import static app.scimconsole.http.KilledDelivery.patch;
import static app.scimconsole.http.KilledDelivery.user;
import static app.scimconsole.testing.PostgresProbe.awaitValue;
import static app.scimconsole.testing.PostgresProbe.connect;
import static app.scimconsole.testing.PostgresProbe.lockNumbering;
import static app.scimconsole.testing.PostgresProbe.value;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Event;
import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.service.TenantAdmin;
import app.scimconsole.testing.ServeProcess;
import app.scimconsole.testing.TestPostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code serve} process on PostgreSQL is killed with SIGKILL after a write committed its events but before it
 * numbered them (the test holds the tenant's numbering lock, so the process's numbering waits right there, after the
 * write was answered). The events stay,
 * committed and unnumbered; a restarted instance's background pass numbers them without any new write, and when a
 * write comes first it numbers them before its own. Nothing is lost, ids have no gap, and the user's events are in
 * the order of its writes.
 */
@Timeout(600)
class EventNumberingKillPostgresTest {
    private static final int KILLED = 128 + 9;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PENDING = "SELECT COUNT(*) FROM pending_events";
    private static final String WAITING_FOR_NUMBERING =
            "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted";

    @TempDir
    Path data;

    @Test
    void eventsAKilledWriteLeftUnnumberedAreNumberedAfterwardsInTheOrderOfTheWrites() throws Exception {
        PostgresDirectory.Settings db = TestPostgres.freshDatabase();
        TenantAdmin.Credentials tenant;
        try (PostgresDirectory setup = PostgresDirectory.open(db)) {
            tenant = new TenantAdmin(setup, Clock.systemUTC()).enable();
        }
        Map<String, String> env = Map.of("SCIM_DB_USER", db.user());
        String ann;
        int firstPort = KilledDelivery.freePort();
        try (ServeProcess first = serve(db, env, "one", firstPort)) {
            HttpJson scim = KilledDelivery.scim(firstPort, tenant.tenantId(), tenant.secretToken());
            ann = user(scim, "ann");
            killBetweenCommitAndNumbering(db, tenant.tenantId(), first, scim, ann, "Engineer");
        }
        assertThat(value(db, PENDING)).as("the killed write's event, committed and unnumbered").isEqualTo(1);
        assertThat(titles(db, tenant.tenantId())).as("in the feed: only what was numbered").containsExactly("");

        int secondPort = KilledDelivery.freePort();
        try (ServeProcess second = serve(db, env, "two", secondPort)) {
            // no write: the background pass numbers it
            awaitValue(db, PENDING, 0);
            assertThat(titles(db, tenant.tenantId())).containsExactly("", "Engineer");
            HttpJson scim = KilledDelivery.scim(secondPort, tenant.tenantId(), tenant.secretToken());
            killBetweenCommitAndNumbering(db, tenant.tenantId(), second, scim, ann, "Lead");
        }
        int thirdPort = KilledDelivery.freePort();
        try (ServeProcess third = serve(db, env, "three", thirdPort)) {
            HttpJson scim = KilledDelivery.scim(thirdPort, tenant.tenantId(), tenant.secretToken());
            patch(scim, "Users/" + ann, "replace", "title", "\"Director\"");
            // numbered after its answer, by this process: the one the kill left first, then its own
            awaitValue(db, PENDING, 0);
            assertThat(titles(db, tenant.tenantId())).containsExactly("", "Engineer", "Lead", "Director");
            assertThat(third.stop()).isIn(0, 143);
        }
        try (PostgresDirectory check = PostgresDirectory.open(db)) {
            List<Event> events = check.events(tenant.tenantId(), 0, 10);
            assertThat(events).extracting(Event::id).containsExactly(1L, 2L, 3L, 4L);
            assertThat(events).extracting(Event::type)
                    .containsExactly("user.created", "user.updated", "user.updated", "user.updated");
            assertThat(events).extracting(e -> e.previous().path("title").toString())
                    .as("each change after the one before it (null: it had no title)")
                    .containsExactly("", "null", "\"Engineer\"", "\"Lead\"");
        }
        assertThat(value(db, PENDING)).isZero();
    }

    /**
     * Holds the tenant's numbering lock while {@code process} changes the user's title, so that the write commits, is
     * answered, and its event waits to be numbered; kills the process there, and lets the lock go.
     */
    private static void killBetweenCommitAndNumbering(PostgresDirectory.Settings db, String tenantId,
            ServeProcess process, HttpJson scim, String userId, String title) throws Exception {
        try (Connection holder = connect(db)) {
            holder.setAutoCommit(false);
            lockNumbering(holder, tenantId);
            CompletableFuture<?> write = CompletableFuture.runAsync(() ->
                    scim.patch("/Users/" + userId, HttpJson.PATCH_JSON + "\"Operations\":[{\"op\":\"replace\","
                            + "\"path\":\"title\",\"value\":\"" + title + "\"}]}"));
            write.get(60, TimeUnit.SECONDS); // answered once committed
            assertThat(value(db, PENDING)).isEqualTo(1);
            awaitValue(db, WAITING_FOR_NUMBERING, 1); // the process's numbering, waiting for the held lock
            assertThat(process.kill()).as("killed by SIGKILL, not stopped").isEqualTo(KILLED);
            holder.rollback();
        }
    }

    private ServeProcess serve(PostgresDirectory.Settings db, Map<String, String> env, String name, int port)
            throws Exception {
        return ServeProcess.start(data.resolve(name), List.of(), env, KilledDelivery.serveArgs(port, "--db", db.url()));
    }

    /**
     * The user's title in each numbered event, oldest first ("" where it had none), read from the table: a reader
     * of the feed would number the waiting events first.
     */
    private static List<String> titles(PostgresDirectory.Settings db, String tenantId) throws Exception {
        List<String> titles = new ArrayList<>();
        try (Connection c = connect(db); PreparedStatement ps = c.prepareStatement(
                "SELECT resource FROM directory_events WHERE tenant_id = ? ORDER BY id")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    titles.add(JSON.readTree(rs.getString(1)).path("title").asText());
                }
            }
        }
        return titles;
    }
}
