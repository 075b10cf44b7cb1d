package app.scimconsole.service;

import app.scimconsole.directory.Directory;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provisioning log: an entry for every SCIM write (stored with the write itself) and every rejection, with a
 * plain-language detail.
 */
public final class ActivityRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityRecorder.class);
    private static final int MAX_DETAIL = 1000;

    private final Directory directory;
    private final Clock clock;

    public ActivityRecorder(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The entry for a successful write, to be stored in the write's own transaction. */
    public Directory.Activity success(String tenantId, String operation, String resource, String resourceId, String name,
            String detail) {
        return entry(tenantId, operation, resource, resourceId, name, "success", detail);
    }

    public void rejected(String tenantId, String operation, String resource, String resourceId, String name, String detail) {
        write(tenantId, operation, resource, resourceId, name, "rejected", detail);
    }

    private Directory.Activity entry(String tenantId, String operation, String resource, String resourceId, String name,
            String outcome, String detail) {
        String d = detail == null ? null : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "..." : detail;
        return new Directory.Activity(0, clock.instant(), tenantId, operation, resource, resourceId, name, outcome, d);
    }

    private void write(String tenantId, String operation, String resource, String resourceId, String name,
            String outcome, String detail) {
        try {
            directory.log(entry(tenantId, operation, resource, resourceId, name, outcome, detail));
        } catch (RuntimeException e) {
            // The answer to the client must not depend on the log; the failure is still visible to operators.
            LOG.warn("Could not write the activity log entry for {} {}: {}", operation, resource, e.toString());
        }
    }
}
