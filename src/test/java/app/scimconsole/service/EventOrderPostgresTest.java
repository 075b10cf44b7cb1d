package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Event;
import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.testing.TestPostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The commit-order case on PostgreSQL: two instances (each its own connection pool and service) write one tenant at
 * once while a third pages the feed by id as they go. An event numbered before another but committed after it would
 * be passed over by the reader for good; the reader must see every event, once, in order.
 */
class EventOrderPostgresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITES_EACH = 150;

    @Test
    void aReaderPagingWhileTwoInstancesWriteNeverSkipsAnEvent() throws Exception {
        PostgresDirectory.Settings db = TestPostgres.freshDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (PostgresDirectory one = PostgresDirectory.open(db); PostgresDirectory two = PostgresDirectory.open(db);
                PostgresDirectory readerDb = PostgresDirectory.open(db);
                ServiceCore a = new ServiceCore(one, null, Clock.systemUTC());
                ServiceCore b = new ServiceCore(two, null, Clock.systemUTC())) {
            String tenantId = new TenantAdmin(one, Clock.systemUTC()).enable().tenantId();
            ScimAccess.Caller caller = new ScimAccess.Caller(tenantId, true, "192.0.2.20");
            List<Future<?>> writers = new ArrayList<>();
            for (ServiceCore core : List.of(a, b)) {
                String name = core == a ? "A" : "B";
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < WRITES_EACH; i++) {
                        core.provisioning().create(caller, ResourceType.GROUP, JSON.readTree(
                                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                                        + "\"displayName\":\"" + name + i + "\"}"));
                    }
                    return null;
                }));
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread watcher = new Thread(() -> {
                try {
                    for (Future<?> w : writers) {
                        w.get();
                    }
                } catch (Exception e) {
                    // the assertion below on the writers' futures reports it
                } finally {
                    writing.set(false);
                }
            });
            watcher.start();

            List<Long> seen = new ArrayList<>();
            long cursor = 0;
            while (true) {
                boolean stillWriting = writing.get(); // read before the page: an empty page after this is the end
                List<Event> page = readerDb.events(tenantId, cursor, 7);
                page.forEach(e -> seen.add(e.id()));
                if (!page.isEmpty()) {
                    cursor = page.get(page.size() - 1).id();
                } else if (!stillWriting) {
                    break;
                } else {
                    Thread.sleep(2); // pacing only: nothing waits on time, the loop ends on the writers' end
                }
            }
            watcher.join();
            for (Future<?> w : writers) {
                w.get(); // a writer that failed fails the test
            }
            assertThat(seen).isEqualTo(LongStream.rangeClosed(1, 2L * WRITES_EACH).boxed().toList());
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
