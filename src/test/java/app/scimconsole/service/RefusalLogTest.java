package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.Directory;
import app.scimconsole.directory.SqliteDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refused sign-ins are logged off the request's thread, on a real SQLite file, within a budget per tenant (on a
 * simulated clock); a full queue drops and counts; an unknown tenant's refusal takes the same hand-off and the writer
 * discards it.
 */
class RefusalLogTest {
    private static final long SECOND = 1_000_000_000L;
    private static final Reason WRONG_TOKEN = Reason.of(ScimAccess.WRONG_TOKEN, "GET Users");

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(42 * SECOND);

    @Test
    void entriesThatFindTheQueueFullAreDroppedAndCountedAndTheRestAreWrittenBeforeClose() {
        int sent = 500;
        try (SqliteDirectory directory = SqliteDirectory.open(dir)) {
            String tenant = directory.createTenant().id();
            ActivityRecorder activity = new ActivityRecorder(directory, Clock.systemUTC());
            RefusalLog refusals = new RefusalLog(activity, 1);
            RefusalLog.Budget budget = refusals.budget(1, sent, now::get);
            // Each write waits for its commit to reach the disk; adding never waits, so most find the queue full.
            for (int i = 0; i < sent; i++) {
                budget.refused(tenant, true, "192.0.2.1", "AUTHENTICATE", "User", WRONG_TOKEN);
            }
            refusals.close();
            long written = directory.activity(tenant, sent).size();

            assertThat(refusals.dropped()).isPositive();
            assertThat(written + refusals.dropped()).isEqualTo(sent);
            assertThat(directory.activity(tenant, 1).get(0).clientAddress()).isEqualTo("192.0.2.1");
            now.addAndGet(SECOND);
            budget.refused(tenant, true, null, "AUTHENTICATE", "User", WRONG_TOKEN);
            assertThat(refusals.dropped()).isEqualTo(sent - written + 1); // closed: nothing more is queued
        }
    }

    @Test
    void anExistingTenantsRefusalsAreLoggedUpToTheBurstThenOnceASecond() {
        try (SqliteDirectory directory = SqliteDirectory.open(dir)) {
            String tenant = directory.createTenant().id();
            String other = directory.createTenant().id();
            RefusalLog refusals = new RefusalLog(new ActivityRecorder(directory, Clock.systemUTC()));
            RefusalLog.Budget budget = refusals.budget(1, 20, now::get);
            for (int i = 0; i < 100; i++) {
                budget.refused(tenant, true, "192.0.2.1", "AUTHENTICATE", "User", WRONG_TOKEN);
            }
            budget.refused(other, true, "192.0.2.1", "AUTHENTICATE", "User", WRONG_TOKEN); // a budget of its own
            now.addAndGet(SECOND);
            for (int i = 0; i < 100; i++) {
                budget.refused(tenant, true, "192.0.2.1", "AUTHENTICATE", "User", WRONG_TOKEN);
            }
            refusals.close();

            assertThat(directory.activity(tenant, 1000)).hasSize(21)
                    .allSatisfy(a -> assertThat(a.code()).isEqualTo(ScimAccess.WRONG_TOKEN));
            assertThat(directory.activity(other, 1000)).hasSize(1);
            assertThat(refusals.dropped()).isZero();
            assertThat(refusals.discarded()).isZero();
        }
    }

    @Test
    void anUnknownTenantsRefusalGoesThroughTheSameHandOffAndNothingIsWritten() {
        try (SqliteDirectory directory = SqliteDirectory.open(dir)) {
            String tenant = directory.createTenant().id();
            String unknown = UUID.randomUUID().toString();
            RefusalLog refusals = new RefusalLog(new ActivityRecorder(directory, Clock.systemUTC()));
            RefusalLog.Budget budget = refusals.budget(1, 20, now::get);
            budget.refused(unknown, false, "192.0.2.1", "AUTHENTICATE", "User", WRONG_TOKEN);
            budget.refused(tenant, true, "192.0.2.1", "AUTHENTICATE", "User", WRONG_TOKEN);
            refusals.close();

            assertThat(refusals.discarded()).as("reached the writer").isEqualTo(1);
            assertThat(directory.activity(null, 100)).extracting(Directory.Activity::tenantId)
                    .containsExactly(tenant);
            assertThat(directory.tenant(unknown)).isEmpty();
        }
    }

    @Test
    void madeUpTenantIdsShareOneBudgetAndLeaveTheRealTenantsBudgetsAlone() {
        try (SqliteDirectory directory = SqliteDirectory.open(dir)) {
            String tenant = directory.createTenant().id();
            RefusalLog refusals = new RefusalLog(new ActivityRecorder(directory, Clock.systemUTC()));
            RefusalLog.Budget budget = refusals.budget(1, 20, now::get);
            for (int i = 0; i < 1000; i++) {
                budget.refused(UUID.randomUUID().toString(), false, "192.0.2.1", "AUTHENTICATE", "User", WRONG_TOKEN);
            }
            for (int i = 0; i < 30; i++) {
                budget.refused(tenant, true, "192.0.2.1", "AUTHENTICATE", "User", WRONG_TOKEN);
            }
            refusals.close();

            assertThat(refusals.discarded()).as("one burst for all of them").isEqualTo(20);
            assertThat(refusals.dropped()).isZero();
            assertThat(directory.activity(null, 100)).hasSize(20)
                    .allSatisfy(a -> assertThat(a.tenantId()).isEqualTo(tenant));
        }
    }
}
