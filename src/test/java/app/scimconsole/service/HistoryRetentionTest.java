package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scimconsole.admin.AdminException;
import app.scimconsole.directory.Directory;
import app.scimconsole.directory.Directory.Activity;
import app.scimconsole.directory.Directory.Change;
import app.scimconsole.directory.Directory.History;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.directory.SqliteDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History older than the tenant's retention is purged, the entries themselves kept; each tenant by its own setting. */
class HistoryRetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-06T14:02:00Z");

    @TempDir
    Path data;
    SqlDirectory directory;

    @BeforeEach
    void open() {
        directory = SqliteDirectory.open(data);
    }

    @AfterEach
    void close() {
        directory.close();
    }

    @Test
    void historyPastTheDefaultNinetyDaysIsPurgedAndTheEntryStays() {
        write("t1", "old", NOW.minus(Duration.ofDays(91)));
        write("t1", "recent", NOW.minus(Duration.ofDays(89)));

        int purged = new HistoryRetention(directory, Clock.fixed(NOW, ZoneOffset.UTC)).purge();

        assertThat(purged).isEqualTo(1);
        List<Activity> kept = directory.activity("t1", 10);
        assertThat(kept).extracting(Activity::resourceId).containsExactly("recent", "old");
        assertThat(kept.get(0).history().changes()).containsExactly(new Change("title", "A", "B"));
        assertThat(kept.get(1).history()).isNull();
    }

    @Test
    void eachTenantKeepsItsHistoryForTheDaysItsOwnerSet() {
        write("t1", "t1-10d", NOW.minus(Duration.ofDays(10)));
        write("t2", "t2-10d", NOW.minus(Duration.ofDays(10)));
        HistoryRetention retention = new HistoryRetention(directory, Clock.fixed(NOW, ZoneOffset.UTC));
        retention.setDays("t1", 7);

        assertThat(retention.purge()).isEqualTo(1);
        assertThat(retention.days("t1")).isEqualTo(7);
        assertThat(retention.days("t2")).isEqualTo(HistoryRetention.DEFAULT_DAYS);
        assertThat(directory.activity("t1", 10).get(0).history()).isNull();
        assertThat(directory.activity("t2", 10).get(0).history()).isNotNull();
    }

    @Test
    void aRetentionOutsideItsRangeIsRefusedWithItsReason() {
        HistoryRetention retention = new HistoryRetention(directory, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> retention.setDays("t1", 0)).isInstanceOfSatisfying(AdminException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.why().code()).isEqualTo(HistoryRetention.OUT_OF_RANGE);
            assertThat(e.why().args()).containsExactly("0", "1", "3650");
        });
        assertThat(retention.days("t1")).isEqualTo(HistoryRetention.DEFAULT_DAYS);
    }

    private void write(String tenant, String resourceId, Instant time) {
        directory.log(new Activity(0, time, tenant, "PATCH", "User", resourceId, "a@x.com", "success",
                "activity.changed", List.of("title"), null, null,
                new History("req", List.of(new Change("title", "A", "B")))));
    }
}
