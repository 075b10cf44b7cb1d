package app.scimconsole.directory;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Numbers PostgreSQL's committed pending events (V25) on a thread of its own, so that a write is answered once its own
 * commit is durable and never waits for a second flush: the numbering's. Tenants asked for while a numbering runs are
 * numbered by the next one, which takes the events of every write committed meanwhile in one transaction. Readers of
 * the feed and the webhook deliveries number what is committed before they read
 * ({@link PostgresDirectory#numberCommitted}), so they do not depend on this thread's pace; the background pass
 * ({@code WaitingEvents}) numbers what a process killed before this thread ran leaves.
 */
final class EventNumberer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventNumberer.class);
    /**
     * How long closing waits for a numbering in progress (milliseconds, unless the database is gone): what it leaves
     * stays committed and pending for the next start's pass.
     */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Consumer<String> numberTenant;
    private final Set<String> asked = new LinkedHashSet<>();
    private Thread thread;
    private boolean closed;
    /** Whether the last numbering failed (only this class's thread): said once until one succeeds. */
    private boolean failing;

    /** {@code numberTenant} numbers every committed pending event of one tenant, waiting for its lock. */
    EventNumberer(Consumer<String> numberTenant) {
        this.numberTenant = numberTenant;
    }

    /** Asks for the tenant's committed events to be numbered soon; returns at once. */
    synchronized void ask(String tenantId) {
        if (closed) {
            return;
        }
        asked.add(tenantId);
        if (thread == null) {
            thread = new Thread(this::run, "event-numbering");
            thread.setDaemon(true);
            thread.start();
        }
        notifyAll();
    }

    private void run() {
        while (true) {
            String tenantId;
            synchronized (this) {
                while (asked.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                tenantId = asked.iterator().next();
                asked.remove(tenantId);
            }
            numberLogged(tenantId);
        }
    }

    private void numberLogged(String tenantId) {
        try {
            numberTenant.accept(tenantId);
            failing = false;
        } catch (RuntimeException e) {
            // the events stay committed and pending: the next write, a reader or the background pass numbers them
            if (!failing) {
                LOG.warn("Committed directory events could not be numbered yet; they wait for the next write, reader"
                        + " or background pass (said once until it works again): {}", e.toString());
            }
            failing = true;
        }
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            asked.clear();
            notifyAll();
            running = thread;
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(CLOSE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
