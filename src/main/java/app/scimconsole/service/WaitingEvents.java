package app.scimconsole.service;

import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.directory.StorageException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background pass over the directory events that wait for a number. On PostgreSQL a write's events are numbered
 * right after its commit, on a thread of the process, in a transaction of their own; a process killed between the two
 * leaves them committed but unnumbered — not yet delivered — until the tenant's next write, a reader of its feed, or
 * this pass numbers them. Every instance runs it: the tenant's numbering lock makes instances safe together, and events are left to
 * their own write for {@link #AGE} first, so that the pass does not queue on the lock beside the writers.
 */
public final class WaitingEvents implements AutoCloseable {
    /** How long an event waits for its own write to number it: that takes milliseconds unless the process died. */
    static final Duration AGE = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(WaitingEvents.class);

    private final SqlDirectory directory;
    private ScheduledExecutorService timer;
    /** Whether the last pass failed for a reason other than storage (only the timer's thread). */
    private boolean failing;

    public WaitingEvents(SqlDirectory directory) {
        this.directory = directory;
    }

    /** One pass in the caller's thread; returns how many events it numbered. */
    public int numberNow() {
        return directory.numberWaitingEvents(AGE);
    }

    /** Passes now and then every {@code every}, on a thread of its own, until closed. */
    public synchronized void start(Duration every) {
        if (timer != null) {
            return;
        }
        timer = Periodic.start("waiting-events", every, this::passLogged);
    }

    private void passLogged() {
        try {
            int numbered = numberNow();
            if (numbered > 0) {
                LOG.info("Numbered {} directory events that an interrupted write had left waiting", numbered);
            }
            failing = false;
        } catch (StorageException e) {
            // an outage is said once by StorageFaults; the events stay committed and wait for the next pass
            LOG.debug("Numbering the waiting directory events failed; trying again next pass: {}", e.toString());
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("Numbering the waiting directory events failed (tried again every pass, said once): {}",
                        e.toString());
            }
            failing = true;
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
