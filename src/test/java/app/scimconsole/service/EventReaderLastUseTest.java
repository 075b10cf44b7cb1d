package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.EventReader;
import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.testing.ManualClock;
import app.scimconsole.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader credential's last use, on both engines: recorded when it opens the feed, refreshed at most once a minute
 * (a consumer polling every second does not write every second), never by a credential that is refused, and kept
 * apart per credential.
 */
class EventReaderLastUseTest {
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    @TempDir
    Path data;

    @Test
    void onSqlite() {
        ManualClock clock = new ManualClock(T0);
        try (SqliteDirectory directory = SqliteDirectory.open(data, clock)) {
            lastUseIsRecordedAtMostOnceAMinute(directory, clock);
        }
    }

    @Test
    void onPostgres() {
        ManualClock clock = new ManualClock(T0);
        try (PostgresDirectory directory = PostgresDirectory.open(TestPostgres.freshDatabase(), clock)) {
            lastUseIsRecordedAtMostOnceAMinute(directory, clock);
        }
    }

    private static void lastUseIsRecordedAtMostOnceAMinute(SqlDirectory directory, ManualClock clock) {
        String tenantId = new TenantAdmin(directory, clock).enable().tenantId();
        EventReaders readers = new EventReaders(directory, clock);
        EventReaders.Issued app = readers.issue(tenantId, "app");
        EventReaders.Issued idle = readers.issue(tenantId, "idle");
        assertThat(readers.list(tenantId)).extracting(EventReader::lastUsed).containsOnlyNulls();

        assertThat(readers.admit(tenantId, "not-a-credential")).isFalse();
        assertThat(readers.list(tenantId)).extracting(EventReader::lastUsed).containsOnlyNulls();

        assertThat(readers.admit(tenantId, app.credential())).isTrue();
        assertThat(lastUsed(readers, tenantId, app)).isEqualTo(T0);
        clock.advance(Duration.ofSeconds(59));
        assertThat(readers.admit(tenantId, app.credential())).isTrue();
        assertThat(lastUsed(readers, tenantId, app)).as("within the minute: not written again").isEqualTo(T0);
        clock.advance(Duration.ofSeconds(1));
        assertThat(readers.admit(tenantId, app.credential())).isTrue();
        assertThat(lastUsed(readers, tenantId, app)).isEqualTo(T0.plusSeconds(60));
        assertThat(lastUsed(readers, tenantId, idle)).as("another credential's use is not this one's").isNull();

        // a recorded use is never moved back (two instances recording uses at once)
        directory.eventReaderUsed(tenantId, app.id(), T0);
        assertThat(lastUsed(readers, tenantId, app)).isEqualTo(T0.plusSeconds(60));
    }

    private static Instant lastUsed(EventReaders readers, String tenantId, EventReaders.Issued issued) {
        return readers.list(tenantId).stream().filter(r -> r.id().equals(issued.id())).findFirst().orElseThrow()
                .lastUsed();
    }
}
