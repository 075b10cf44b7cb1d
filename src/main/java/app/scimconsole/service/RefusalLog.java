package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.Directory;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the activity entries of refused sign-ins on a thread of its own, so that the 401 goes out without waiting
 * for the database: a wrong token on an existing tenant must take as long to refuse as an unknown tenant, or the time
 * of the answer would tell which tenants exist.
 *
 * <p>For the same reason a refusal for a tenant id that names no tenant takes the very same steps on the request's
 * thread as one for an existing tenant ({@link Budget#refused}): its budget is checked, its entry is made and handed
 * to the writer, and only the writer, after the answer, discards it. Nothing is ever written for it.
 *
 * <p>The writer writes what waits once every {@link #FLUSH}, not as each entry arrives: a write made at once would
 * compete for the processor with the very refusal that caused it, and only an existing tenant's refusal causes one,
 * so its answer would come out a little later (measured on PostgreSQL: 0.01–0.04 ms at the median). Written in its
 * own time, the write falls on whatever requests run then, whichever tenants they name.
 *
 * <p>At most {@link #CAPACITY} entries wait; one that finds no room is dropped and counted (and the count logged),
 * never waited for. Each tenant's refusals are limited by their budget before they get here, and all unknown tenants
 * share one, so only many existing tenants refused at once, faster than the database writes, ever fill it.
 */
final class RefusalLog implements AutoCloseable {
    static final int CAPACITY = 256;
    /** How long closing waits for the entries still queued (a clean stop loses none). */
    private static final Duration DRAIN = Duration.ofSeconds(5);
    /** How often the waiting entries are written. */
    static final Duration FLUSH = Duration.ofSeconds(1);
    /**
     * The budget key of every tenant id that names no tenant. One bucket for all of them: made-up ids must neither
     * grow the budgets' map nor, each with a burst of its own, flood the writer. (No tenant id looks like it.)
     */
    static final String NO_TENANT = "(no tenant)";
    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);

    private final ActivityRecorder activity;
    private final ArrayBlockingQueue<Write> waiting;
    private final ScheduledExecutorService writer;
    private volatile boolean closed;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();

    RefusalLog(ActivityRecorder activity) {
        this(activity, CAPACITY);
    }

    RefusalLog(ActivityRecorder activity, int capacity) {
        this.activity = activity;
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "refusal-log");
            t.setDaemon(true);
            return t;
        });
        writer.scheduleWithFixedDelay(this::flush, FLUSH.toMillis(), FLUSH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A budget of logged refusals of one kind (the SCIM endpoint's sign-ins, the token endpoint's): per tenant,
     * {@code burst} at once and then {@code perSecond}; a client hammering with a wrong secret must not turn each
     * request into a database write. It still gets its refusal every time.
     */
    Budget budget(double perSecond, int burst) {
        return budget(perSecond, burst, System::nanoTime);
    }

    /** As {@link #budget(double, int)}, on the clock {@code nanoTime} (tests pass a simulated one). */
    Budget budget(double perSecond, int burst, LongSupplier nanoTime) {
        return new Budget(new TenantRateLimiter(perSecond, burst, nanoTime));
    }

    /** Logged refusals of one kind, limited per tenant; see {@link #budget}. */
    final class Budget {
        private final TenantRateLimiter limiter;

        private Budget(TenantRateLimiter limiter) {
            this.limiter = limiter;
        }

        /**
         * A sign-in to {@code tenantId} was refused, with {@code reason}, from {@code clientAddress}. Within the
         * budget its entry is made and queued, never waited for. {@code tenantExists} false (the id names no tenant):
         * the same steps, on the budget all unknown tenants share; the writer discards the entry.
         */
        boolean refused(String tenantId, boolean tenantExists, String clientAddress, String operation,
                String resource, Reason reason) {
            if (limiter.secondsToWait(tenantExists ? tenantId : NO_TENANT) != 0) {
                return false;
            }
            Write entry = new Write(activity.refused(tenantId, clientAddress, operation, resource, reason),
                    tenantExists);
            if (closed || !waiting.offer(entry)) {
                drop();
            }
            return true;
        }
    }

    /** The writer's work on one refusal: an existing tenant's is written, an unknown tenant's discarded. */
    private final class Write implements Runnable {
        private final Directory.Activity entry;
        private final boolean tenantExists;

        Write(Directory.Activity entry, boolean tenantExists) {
            this.entry = entry;
            this.tenantExists = tenantExists;
        }

        @Override
        public void run() {
            if (tenantExists) {
                activity.write(entry);
            } else {
                discarded.incrementAndGet();
            }
        }
    }

    /** Writes (or discards) every entry waiting now; {@link ActivityRecorder#write} says its own failures. */
    private void flush() {
        while (!waiting.isEmpty()) {
            flushOne();
        }
    }

    private void flushOne() {
        Write w = waiting.poll();
        if (w != null) {
            w.run();
        }
    }

    /** Entries dropped so far because the queue was full (or the log closed). */
    long dropped() {
        return dropped.get();
    }

    /** Entries of unknown tenants that reached the writer and were discarded there, so far. */
    long discarded() {
        return discarded.get();
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
        closed = true;
        writer.shutdown(); // a flush under way finishes; no other starts
        try {
            long deadline = System.nanoTime() + DRAIN.toNanos();
            if (writer.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                while (System.nanoTime() < deadline && !waiting.isEmpty()) {
                    flushOne();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!waiting.isEmpty()) {
            LOG.warn("{} refused sign-ins were not written to the activity log before the service stopped",
                    waiting.size());
        }
    }
}
