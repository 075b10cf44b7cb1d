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
        try (TwoInstances both = new TwoInstances("192.0.2.20")) {
            List<Future<?>> writers = both.eachWriting(WRITES_EACH, (core, name, i) ->
                    core.provisioning().create(both.caller, ResourceType.GROUP, JSON.readTree(
                            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                                    + "\"displayName\":\"" + name + i + "\"}")));
            List<Long> seen = pageWhileWriting(both.readerDb, both.tenantId, writers, 7).stream().map(Event::id)
                    .toList();
            assertThat(seen).isEqualTo(LongStream.rangeClosed(1, 2L * WRITES_EACH).boxed().toList());
        }
    }

    @Test
    void twoInstancesChangingTheSameGroupsKeepEachGroupsEventsInTheOrderOfItsWrites() throws Exception {
        int groups = 3;
        int changesEach = 60;
        try (TwoInstances both = new TwoInstances("192.0.2.22")) {
            List<String> ids = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                ids.add(both.a.provisioning().create(both.caller, ResourceType.GROUP,
                        EventNumberingPostgresTest.group("Team " + g)).id());
            }
            List<Future<?>> writers = both.eachWriting(changesEach, (core, name, i) ->
                    core.provisioning().patch(both.caller, ResourceType.GROUP, ids.get(i % groups), null,
                            JSON.readTree("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                    + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\""
                                    + name + i + "\"}]}")));
            List<Event> seen = pageWhileWriting(both.readerDb, both.tenantId, writers, 5);
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
            assertThat(pendingEvents(both.db)).as("nothing left to number").isZero();
        }
    }

    /** One write of instance {@code core} (named "A" or "B"), the {@code i}th of its run. */
    @FunctionalInterface
    private interface Write {
        void run(ServiceCore core, String name, int i) throws Exception;
    }

    /**
     * Two instances on one fresh database (each its own connection pool and service), a third pool for the reader,
     * one enabled tenant and its SCIM caller.
     */
    private static final class TwoInstances implements AutoCloseable {
        final PostgresDirectory.Settings db = TestPostgres.freshDatabase();
        final PostgresDirectory one = PostgresDirectory.open(db);
        final PostgresDirectory two = PostgresDirectory.open(db);
        final PostgresDirectory readerDb = PostgresDirectory.open(db);
        final ServiceCore a = new ServiceCore(one, null, Clock.systemUTC());
        final ServiceCore b = new ServiceCore(two, null, Clock.systemUTC());
        final String tenantId = new TenantAdmin(one, Clock.systemUTC()).enable().tenantId();
        final ScimAccess.Caller caller;
        private final ExecutorService pool = Executors.newFixedThreadPool(2);

        TwoInstances(String callerAddress) throws Exception {
            caller = new ScimAccess.Caller(tenantId, true, callerAddress);
        }

        /** Both instances at once, each making {@code count} writes in its own thread. */
        List<Future<?>> eachWriting(int count, Write write) {
            List<Future<?>> writers = new ArrayList<>();
            for (ServiceCore core : List.of(a, b)) {
                String name = core == a ? "A" : "B";
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < count; i++) {
                        write.run(core, name, i);
                    }
                    return null;
                }));
            }
            return writers;
        }

        @Override
        public void close() throws Exception {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            try (one; two; readerDb; a; b) {
                // closes the services, then the pools, in reverse order
            }
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
