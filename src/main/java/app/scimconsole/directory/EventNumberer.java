package app.scimconsole.directory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Numbers PostgreSQL's committed pending events (V25) on a thread of its own ({@link AfterCommits}), so that a write is
 * answered once its own commit is durable and never waits for a second flush: the numbering's. Tenants asked for while
 * a numbering runs are numbered by the next run, which takes the events of every write committed meanwhile in one
 * transaction per tenant. Readers of the feed and the webhook deliveries number what is committed before they read
 * ({@link PostgresDirectory#numberCommitted}), so they do not depend on this thread's pace; the background pass
 * ({@code WaitingEvents}) numbers what a process killed before this thread ran leaves.
 */
final class EventNumberer implements AutoCloseable {
    /**
     * How long closing waits for a numbering in progress (milliseconds, unless the database is gone): what it leaves
     * stays committed and pending for the next start's pass.
     */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Consumer<String> numberTenant;
    /** The tenants asked for since the run began that took them. */
    private final Set<String> asked = ConcurrentHashMap.newKeySet();
    private final AfterCommits thread;

    /** {@code numberTenant} numbers every committed pending event of one tenant, waiting for its lock. */
    EventNumberer(Consumer<String> numberTenant) {
        this.numberTenant = numberTenant;
        // no pause: a write's events wait for nothing but the commit before them
        this.thread = new AfterCommits("event-numbering", Duration.ZERO, CLOSE_WAIT, this::numberAsked);
    }

    /** Asks for the tenant's committed events to be numbered soon; returns at once. */
    void ask(String tenantId) {
        asked.add(tenantId);
        thread.committed();
    }

    /**
     * Numbers each tenant asked for, one after another; one that fails does not keep the others waiting, and the
     * first failure is the run's (what failed stays committed and pending: the next write, a reader or the background
     * pass numbers it).
     */
    private void numberAsked() {
        RuntimeException failed = null;
        for (String tenantId : List.copyOf(asked)) {
            if (thread.closing()) {
                return; // the rest stay pending for the next start's pass
            }
            asked.remove(tenantId); // asked again from here on: numbered again by the next run
            try {
                numberTenant.accept(tenantId);
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public void close() {
        thread.close();
    }
}
