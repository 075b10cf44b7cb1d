package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Activity;
import app.scimconsole.directory.Directory.Event;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite numbers a write's events from the last one the file holds, in the write's own INSERT (V29: no upsert of
 * {@code event_sequences} in each commit, one B-tree fewer). No number is ever taken twice: not after a purge removed
 * every event, not after a restart, not between two processes on one file (the service and the CLI, here two
 * directories on one folder, whose writes SQLite makes serial); and the purge, a range of the key since V29, removes
 * no event dated at or after its cutoff.
 */
class EventNumbersTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    private static void write(SqlDirectory directory, String tenant, Instant time, String resourceId) {
        Event raised = new Event(0, tenant, time, "user.created", "User", resourceId,
                JsonNodeFactory.instance.objectNode().put("id", resourceId), JsonNodeFactory.instance.objectNode(),
                null);
        directory.log(new Activity(0, time, tenant, "CREATE", "User", resourceId, resourceId, "success",
                "activity.created", List.of(), null, null).withEvents(List.of(raised, raised)));
    }

    private static List<Long> ids(SqlDirectory directory, String tenant) {
        return directory.events(tenant, 0, 100).stream().map(Event::id).toList();
    }

    @Test
    void numbersGoOnAfterAPurgeOfEveryEventARestartAndAnotherProcess() {
        String tenant;
        try (SqliteDirectory service = SqliteDirectory.open(dir)) {
            tenant = service.createTenant().id();
            String other = service.createTenant().id();
            write(service, tenant, T, "a");
            write(service, other, T, "x"); // each tenant numbers its own
            assertThat(ids(service, tenant)).containsExactly(1L, 2L);
            assertThat(ids(service, other)).containsExactly(1L, 2L);
            service.purgeHistory(tenant, T.plusSeconds(1));
            assertThat(ids(service, tenant)).isEmpty();
            write(service, tenant, T.plusSeconds(2), "b");
            assertThat(ids(service, tenant)).containsExactly(3L, 4L);
        }
        try (SqliteDirectory service = SqliteDirectory.open(dir); SqliteDirectory cli = SqliteDirectory.open(dir)) {
            write(service, tenant, T.plusSeconds(3), "c");
            write(cli, tenant, T.plusSeconds(4), "d");
            cli.purgeHistory(tenant, T.plusSeconds(5)); // every event gone, through the other process
            write(service, tenant, T.plusSeconds(6), "e");
            write(cli, tenant, T.plusSeconds(7), "f");
            assertThat(ids(service, tenant)).containsExactly(9L, 10L, 11L, 12L);
        }
    }

    @Test
    void aPurgeRemovesTheEventsBeforeTheFirstOneItKeeps() {
        try (SqliteDirectory directory = SqliteDirectory.open(dir)) {
            String tenant = directory.createTenant().id();
            write(directory, tenant, T, "a");
            write(directory, tenant, T.plusSeconds(10), "b");
            write(directory, tenant, T.plusSeconds(20), "c");
            write(directory, tenant, T.plusSeconds(5), "late"); // dated out of the writes' order
            directory.purgeHistory(tenant, T.plusSeconds(10));
            assertThat(directory.events(tenant, 0, 100)).extracting(Event::resourceId)
                    .as("dated at the cutoff and after it kept; the late one waits behind them")
                    .containsExactly("b", "b", "c", "c", "late", "late");
            directory.purgeHistory(tenant, T.plusSeconds(21));
            assertThat(directory.events(tenant, 0, 100)).isEmpty();
        }
    }
}
