package app.scimconsole.service;

import static app.scimconsole.testing.PostgresProbe.awaitValue;
import static app.scimconsole.testing.PostgresProbe.connect;
import static app.scimconsole.testing.PostgresProbe.lockNumbering;
import static app.scimconsole.testing.PostgresProbe.value;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Event;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.testing.TestPostgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL numbers a write's events after the write committed, in a short transaction of its own under the tenant's
 * advisory lock (V25), on a thread of its own: the write is answered after its own commit. Here the test holds that
 * lock itself, so that committed events wait to be numbered, and then lets them go ({@link EventOrderPostgresTest}: the order a reader sees while two instances write).
 */
class EventNumberingPostgresTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesAreAnsweredOnceCommittedAndAReaderAfterThemWaitsForTheirNumbering() throws Exception {
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
            for (Future<StoredResource> w : writes) {
                w.get(60, TimeUnit.SECONDS); // answered while their numbering cannot run: after their own commit
            }
            assertThat(value(db, "SELECT COUNT(*) FROM pending_events")).as("committed, not yet numbered").isEqualTo(3);
            assertThat(value(db, "SELECT COUNT(*) FROM directory_events")).isZero();

            CompletableFuture<List<Event>> read = CompletableFuture.supplyAsync(() -> directory.events(tenantId, 0, 10));
            // the numbering thread and the reader, both waiting for the held lock
            awaitValue(db, "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", 2);
            assertThat(read).as("a reader does not read before the writes answered before it are numbered")
                    .isNotDone();

            holder.rollback(); // lets the numbering go
            assertThat(read.get(60, TimeUnit.SECONDS)).extracting(Event::id).containsExactly(1L, 2L, 3L);
            assertThat(value(db, "SELECT COUNT(*) FROM pending_events")).isZero();
            assertThat(value(db, "SELECT COUNT(DISTINCT xmin::text) FROM directory_events"))
                    .as("one numbering numbered the three writes; the other waiter wrote nothing").isEqualTo(1);
            assertThat(value(db, "SELECT last_id FROM event_sequences WHERE tenant_id = '" + tenantId + "'"))
                    .isEqualTo(3);
        } finally {
            writers.shutdownNow();
            writers.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void committedEventsAreNumberedWithoutAnyReader() throws Exception {
        PostgresDirectory.Settings db = TestPostgres.freshDatabase();
        try (PostgresDirectory directory = PostgresDirectory.open(db);
                ServiceCore core = new ServiceCore(directory, null, Clock.systemUTC())) {
            String tenantId = new TenantAdmin(directory, Clock.systemUTC()).enable().tenantId();
            ScimAccess.Caller caller = new ScimAccess.Caller(tenantId, true, "192.0.2.23");
            for (String name : List.of("Sales", "Support")) {
                core.provisioning().create(caller, ResourceType.GROUP, group(name));
            }
            // the numbering thread, not a reader and not the five-second pass (not started here)
            awaitValue(db, "SELECT COUNT(*) FROM directory_events", 2);
            assertThat(value(db, "SELECT COUNT(*) FROM pending_events")).isZero();
        }
    }

    static JsonNode group(String name) throws Exception {
        return JSON.readTree("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\""
                + name + "\"}");
    }
}
