package app.scimconsole.service;

import app.scimconsole.directory.Directory;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the activity entries of refused sign-ins on a thread of its own, so that the 401 goes out without waiting
 * for the database: a wrong token on an existing tenant must take as long to refuse as an unknown tenant, which has
 * no log to write to, or the time of the answer would tell which tenants exist.
 *
 * <p>At most {@link #CAPACITY} entries wait; one that finds no room is dropped and counted (and the count logged),
 * never waited for. Each tenant's refusals are already limited before they get here ({@code ScimAccess}), so only
 * many tenants refused at once, faster than the database writes, ever fill it.
 */
final class RefusalLog implements AutoCloseable {
    static final int CAPACITY = 256;
    /** How long closing waits for the entries still queued (a clean stop loses none). */
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);

    private final ActivityRecorder activity;
    private final ThreadPoolExecutor writer;
    private final AtomicLong dropped = new AtomicLong();

    RefusalLog(ActivityRecorder activity) {
        this(activity, CAPACITY);
    }

    RefusalLog(ActivityRecorder activity, int capacity) {
        this.activity = activity;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), r -> {
            Thread t = new Thread(r, "refusal-log");
            t.setDaemon(true);
            return t;
        }, (entry, executor) -> drop());
    }

    /** Queues {@code entry} to be written, or drops it when the queue is full (or closed); never blocks. */
    void add(Directory.Activity entry) {
        writer.execute(() -> activity.write(entry));
    }

    /** Entries dropped so far because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    private void drop() {
        long n = dropped.incrementAndGet();
        if (n == 1 || n % 1000 == 0) {
            LOG.warn("Refused sign-ins arrive faster than they can be logged: {} not written to the activity log", n);
        }
    }

    /** Writes what is queued (for up to {@link #DRAIN}), then stops; entries added later are dropped. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} refused sign-ins were not written to the activity log before the service stopped",
                        writer.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
