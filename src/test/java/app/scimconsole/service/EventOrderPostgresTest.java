package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Event;
import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * be passed over by the reader for good; the reader must see every event, once, in order — and each resource's events
 * in the order of its writes, when both instances change the same resources.
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
            List<Long> seen = pageWhileWriting(readerDb, tenantId, writers, 7).stream().map(Event::id).toList();
            assertThat(seen).isEqualTo(LongStream.rangeClosed(1, 2L * WRITES_EACH).boxed().toList());
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoInstancesChangingTheSameGroupsKeepEachGroupsEventsInTheOrderOfItsWrites() throws Exception {
        int groups = 3;
        int changesEach = 60;
        PostgresDirectory.Settings db = TestPostgres.freshDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (PostgresDirectory one = PostgresDirectory.open(db); PostgresDirectory two = PostgresDirectory.open(db);
                PostgresDirectory readerDb = PostgresDirectory.open(db);
                ServiceCore a = new ServiceCore(one, null, Clock.systemUTC());
                ServiceCore b = new ServiceCore(two, null, Clock.systemUTC())) {
            String tenantId = new TenantAdmin(one, Clock.systemUTC()).enable().tenantId();
            ScimAccess.Caller caller = new ScimAccess.Caller(tenantId, true, "192.0.2.22");
            List<String> ids = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                ids.add(a.provisioning().create(caller, ResourceType.GROUP,
                        EventNumberingPostgresTest.group("Team " + g)).id());
            }
            List<Future<?>> writers = new ArrayList<>();
            for (ServiceCore core : List.of(a, b)) {
                String name = core == a ? "A" : "B";
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < changesEach; i++) {
                        core.provisioning().patch(caller, ResourceType.GROUP, ids.get(i % groups), null,
                                JSON.readTree("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\""
                                        + name + i + "\"}]}"));
                    }
                    return null;
                }));
            }
            List<Event> seen = pageWhileWriting(readerDb, tenantId, writers, 5);
            long total = groups + 2L * changesEach;
            assertThat(seen).extracting(Event::id).as("every event once, in id order, none skipped")
                    .isEqualTo(LongStream.rangeClosed(1, total).boxed().toList());
            Map<String, List<Long>> versions = new HashMap<>();
            Map<String, String> lastName = new HashMap<>();
            for (Event e : seen) {
                versions.computeIfAbsent(e.resourceId(), k -> new ArrayList<>()).add(version(e.resource()));
                if (e.type().equals("group.updated")) {
                    assertThat(e.previous().path("displayName").asText()).as("each change follows the one before")
                            .isEqualTo(lastName.get(e.resourceId()));
                }
                lastName.put(e.resourceId(), e.resource().path("displayName").asText());
            }
            for (String id : ids) {
                assertThat(versions.get(id)).as("group %s's events in the order of its writes", id)
                        .isEqualTo(LongStream.rangeClosed(1, versions.get(id).size()).boxed().toList());
            }
            assertThat(pendingEvents(db)).as("nothing left to number").isZero();
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    /** A resource's version, from its {@code meta.version} ({@code W/"3"}). */
    private static long version(JsonNode resource) {
        return Long.parseLong(resource.path("meta").path("version").asText().replaceAll("\\D", ""));
    }

    private static long pendingEvents(PostgresDirectory.Settings db) throws Exception {
        return app.scimconsole.testing.PostgresProbe.value(db, "SELECT COUNT(*) FROM pending_events");
    }

    /**
     * Pages the feed by id, {@code pageSize} at a time, while {@code writers} run, until they are done and the feed
     * is caught up; every event the reader saw, in the order it saw them. A writer that failed fails the test.
     */
    static List<Event> pageWhileWriting(PostgresDirectory readerDb, String tenantId, List<Future<?>> writers,
            int pageSize) throws Exception {
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
        List<Event> seen = new ArrayList<>();
        long cursor = 0;
        while (true) {
            boolean stillWriting = writing.get(); // read before the page: an empty page after this is the end
            List<Event> page = readerDb.events(tenantId, cursor, pageSize);
            seen.addAll(page);
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
        return seen;
    }
}
