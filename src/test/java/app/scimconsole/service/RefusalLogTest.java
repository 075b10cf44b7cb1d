package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.SqliteDirectory;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refused sign-ins are logged off the request's thread, on a real SQLite file; a full queue drops and counts. */
class RefusalLogTest {
    @TempDir
    Path dir;

    @Test
    void entriesThatFindTheQueueFullAreDroppedAndCountedAndTheRestAreWrittenBeforeClose() {
        int sent = 500;
        try (SqliteDirectory directory = SqliteDirectory.open(dir)) {
            String tenant = directory.createTenant().id();
            ActivityRecorder activity = new ActivityRecorder(directory, Clock.systemUTC());
            RefusalLog refusals = new RefusalLog(activity, 1);
            // Each write waits for its commit to reach the disk; adding never waits, so most find the queue full.
            for (int i = 0; i < sent; i++) {
                refusals.add(activity.refused(tenant, "192.0.2.1", "AUTHENTICATE", "User",
                        Reason.of(ScimAccess.WRONG_TOKEN, "GET Users")));
            }
            refusals.close();
            long written = directory.activity(tenant, sent).size();

            assertThat(refusals.dropped()).isPositive();
            assertThat(written + refusals.dropped()).isEqualTo(sent);
            assertThat(directory.activity(tenant, 1).get(0).clientAddress()).isEqualTo("192.0.2.1");
            refusals.add(activity.refused(tenant, null, "AUTHENTICATE", "User", Reason.of(ScimAccess.WRONG_TOKEN, "")));
            assertThat(refusals.dropped()).isEqualTo(sent - written + 1); // closed: nothing more is queued
        }
    }
}
