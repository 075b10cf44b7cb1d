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
}
