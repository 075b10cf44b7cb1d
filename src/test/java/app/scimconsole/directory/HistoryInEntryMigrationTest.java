package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Activity;
import app.scimconsole.directory.Directory.Change;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * V30: the attribute history moves from its own table into its activity entry. A directory of the version before opens
 * with every entry's history where it was (an entry without one still has none), and the retention's purge clears it
 * from the old entries only, the entries themselves kept.
 */
class HistoryInEntryMigrationTest extends EarlierSchemaTest {
    @Test
    void everyEntryKeepsItsHistoryAndThePurgeClearsOnlyTheOldOnes() throws SQLException {
        try (Connection c = connect(migratedTo("29")); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO activity (seq, time, tenant_id, operation, resource, resource_id, user_name,"
                    + " outcome) VALUES (1, '2026-01-01T00:00:00.000Z', 't1', 'PATCH', 'User', 'u1', 'a', 'success'),"
                    + " (2, '2026-01-02T00:00:00.000Z', 't1', 'DELETE', 'User', 'u2', 'b', 'rejected'),"
                    + " (3, '2026-06-01T00:00:00.000Z', 't1', 'PATCH', 'User', 'u1', 'a', 'success')");
            s.executeUpdate("INSERT INTO attribute_history (activity_seq, tenant_id, time, request_id, changes) VALUES"
                    + " (1, 't1', '2026-01-01T00:00:00.000Z', 'req-1', '[{\"attribute\":\"title\",\"old\":\"A\","
                    + "\"new\":\"B\"}]'), (3, 't1', '2026-06-01T00:00:00.000Z', NULL, '[]')");
        }
        try (SqlDirectory directory = open()) {
            List<Activity> log = directory.activity("t1", 10);
            assertThat(log).extracting(Activity::seq).containsExactly(3L, 2L, 1L);
            assertThat(log.get(0).history().requestId()).isNull();
            assertThat(log.get(0).history().changes()).as("a write that changed nothing").isEmpty();
            assertThat(log.get(1).history()).as("an entry without history").isNull();
            assertThat(log.get(2).history().requestId()).isEqualTo("req-1");
            assertThat(log.get(2).history().changes()).containsExactly(new Change("title", "A", "B"));

            assertThat(directory.historyTenants()).containsExactly("t1");
            assertThat(directory.purgeHistory("t1", Instant.parse("2026-03-01T00:00:00Z"))).isEqualTo(1);
            log = directory.activityOf("t1", "u1", 10);
            assertThat(log).extracting(Activity::seq).as("the entries stay").containsExactly(3L, 1L);
            assertThat(log.get(0).history()).isNotNull();
            assertThat(log.get(1).history()).isNull();
            assertThat(directory.purgeHistory("t1", Instant.parse("2026-03-01T00:00:00Z")))
                    .as("nothing left before the cutoff").isZero();
            assertThat(directory.purgeHistory("t1", Instant.parse("2026-07-01T00:00:00Z"))).isEqualTo(1);
            assertThat(directory.activity("t1", 10)).allMatch(a -> a.history() == null);
        }
    }
}
