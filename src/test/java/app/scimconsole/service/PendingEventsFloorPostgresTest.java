package app.scimconsole.service;

import static app.scimconsole.testing.PostgresProbe.awaitValue;
import static app.scimconsole.testing.PostgresProbe.connect;
import static app.scimconsole.testing.PostgresProbe.value;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Event;
import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A numbering seeks the tenant's pending events from its floor (V32), past the index entries of the events already
 * moved. The floor must never pass an event that is still to commit: a write takes its pending number when it inserts
 * the event, so one with a smaller number may commit after numberings moved larger ones.
 */
class PendingEventsFloorPostgresTest {
    private static final String SEQUENCE = "SELECT last_value FROM pending_events_seq_seq";

    @Test
    void theFloorRisesBehindTheNumberingsAndNeverPassesAWriteStillOpen() throws Exception {
        PostgresDirectory.Settings db = TestPostgres.freshDatabase();
        try (PostgresDirectory directory = PostgresDirectory.open(db);
                ServiceCore core = new ServiceCore(directory, null, Clock.systemUTC());
                Connection late = connect(db)) {
            String tenantId = new TenantAdmin(directory, Clock.systemUTC()).enable().tenantId();
            ScimAccess.Caller caller = new ScimAccess.Caller(tenantId, true, "192.0.2.31");
            String floor = "SELECT pending_floor FROM event_sequences WHERE tenant_id = '" + tenantId + "'";

            createGroups(core, caller, db, "early", 20, 0);
            long early = value(db, SEQUENCE);
            createGroups(core, caller, db, "later", 20, 20);
            assertThat(value(db, floor)).as("the numberings after them no longer seek the first twenty")
                    .isGreaterThan(early);

            // a write of its own, as the service writes: its activity entry, then its event, pending; left open
            late.setAutoCommit(false);
            try (PreparedStatement entry = late.prepareStatement("INSERT INTO activity (time, tenant_id, operation,"
                    + " outcome) VALUES ('2026-12-08T03:00:00.000Z', ?, 'create', 'success')");
                    PreparedStatement event = late.prepareStatement("INSERT INTO pending_events (tenant_id, time,"
                            + " type, resource_type, resource_id, resource, previous) VALUES (?,"
                            + " '2026-12-08T03:00:00.000Z', 'group.created', 'Group', 'late-one', '{}', '{}')")) {
                entry.setString(1, tenantId);
                entry.executeUpdate();
                event.setString(1, tenantId);
                event.executeUpdate();
            }
            long open = value(db, SEQUENCE);
            createGroups(core, caller, db, "meanwhile", 20, 40);
            assertThat(value(db, floor)).as("numberings moved larger numbers while the write was open")
                    .isLessThanOrEqualTo(open);

            late.commit();
            List<Event> events = directory.events(tenantId, 0, 100);
            assertThat(events).extracting(Event::id).containsExactlyElementsOf(
                    LongStream.rangeClosed(1, 61).boxed().toList());
            assertThat(events.get(60).resourceId()).as("numbered once committed, after the writes that committed"
                    + " before it").isEqualTo("late-one");
            assertThat(value(db, "SELECT COUNT(*) FROM pending_events")).isZero();

            createGroups(core, caller, db, "after", 10, 61);
            assertThat(value(db, floor)).as("the floor rises past it once it has committed").isGreaterThan(open);
        }
    }

    /**
     * The write the floor can miss if a candidate carries the snapshot's {@code xmax} (the newest finished id plus
     * one): a write that got its transaction id after every finished one, and its pending number before a write that
     * commits ahead of it. The numbering that moves that other write must not let the open write's number fall below
     * the floor once a later numbering runs beside it.
     */
    @Test
    void aWriteWhoseIdIsNewerThanEveryFinishedOneIsNotPassed() throws Exception {
        PostgresDirectory.Settings db = TestPostgres.freshDatabase();
        try (PostgresDirectory directory = PostgresDirectory.open(db);
                Connection first = connect(db); Connection open = connect(db); Connection third = connect(db)) {
            String tenantId = new TenantAdmin(directory, Clock.systemUTC()).enable().tenantId();
            first.setAutoCommit(false);
            open.setAutoCommit(false);
            third.setAutoCommit(false);

            entry(first, tenantId);          // the first write's transaction id
            entry(open, tenantId);           // the open write's: newer, and newer than any finished one
            event(open, tenantId, "open-one"); // its pending number, the smaller
            event(first, tenantId, "first-one");
            first.commit();
            assertThat(directory.events(tenantId, 0, 10)).extracting(Event::resourceId)
                    .as("a numbering moved the committed one").containsExactly("first-one");

            entry(third, tenantId);
            event(third, tenantId, "third-one");
            third.commit();
            assertThat(directory.events(tenantId, 0, 10)).extracting(Event::resourceId)
                    .as("a numbering beside the open write").containsExactly("first-one", "third-one");

            open.commit();
            assertThat(directory.events(tenantId, 0, 10)).extracting(Event::resourceId)
                    .as("numbered once committed, by the next reader").containsExactly("first-one", "third-one",
                            "open-one");
            assertThat(value(db, "SELECT COUNT(*) FROM pending_events")).isZero();
        }
    }

    private static void entry(Connection c, String tenantId) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO activity (time, tenant_id, operation, outcome)"
                + " VALUES ('2026-12-08T03:00:00.000Z', ?, 'create', 'success')")) {
            ps.setString(1, tenantId);
            ps.executeUpdate();
        }
    }

    private static void event(Connection c, String tenantId, String resourceId) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pending_events (tenant_id, time, type,"
                + " resource_type, resource_id, resource, previous) VALUES (?, '2026-12-08T03:00:00.000Z',"
                + " 'group.created', 'Group', ?, '{}', '{}')")) {
            ps.setString(1, tenantId);
            ps.setString(2, resourceId);
            ps.executeUpdate();
        }
    }

    /** Creates {@code count} groups one at a time, each numbered before the next (by the numbering thread). */
    private static void createGroups(ServiceCore core, ScimAccess.Caller caller, PostgresDirectory.Settings db,
            String prefix, int count, int numberedBefore) throws Exception {
        for (int i = 0; i < count; i++) {
            core.provisioning().create(caller, ResourceType.GROUP, EventNumberingPostgresTest.group(prefix + "-" + i));
            awaitValue(db, "SELECT COUNT(*) FROM directory_events", numberedBefore + i + 1);
        }
    }
}
