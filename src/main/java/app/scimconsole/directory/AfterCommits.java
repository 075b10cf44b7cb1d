package app.scimconsole.directory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that does some work a moment after commits, off the threads that commit: a commit only signals
 * ({@link #committed}: one atomic write, and a wake-up when this thread sleeps); this thread waits {@code pause} for
 * more commits to gather and then does the work once for all of them. A commit during a run asks for one more run
 * after it, so nothing committed is left without a run that began after it. Used on SQLite by {@link WalCheckpointer}
 * (copy the log back) and {@link TrigramIndexer} (index the names written since), on PostgreSQL by
 * {@link EventNumberer} (number the committed events).
 *
 * <p>A failed run is logged, once until a run succeeds again (a database that is gone would otherwise say so after
 * every commit), and the next commit asks again. The thread starts with the first commit, so a directory never written
 * to has none (an owner whose work is due from the start, for what a previous process left, signals once itself). Closing stops it after the run in progress, waiting
 * for that run at most {@code closeWait}; the thread is not interrupted, so a run never stops halfway through a
 * statement, and a long run can end early by asking {@link #closing()} between its steps.
 */
final class AfterCommits implements AutoCloseable {
    /** The work; a failure is logged, and the next commit asks again. */
    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(AfterCommits.class);

    private final long pauseNanos;
    private final Duration closeWait;
    private final Work work;
    private final AtomicBoolean due = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean closed;
    /** Whether the last run failed (only this class's thread): said once until a run succeeds. */
    private boolean failing;

    /** {@code name} names the thread, and the work in the log. */
    AfterCommits(String name, Duration pause, Duration closeWait, Work work) {
        this.pauseNanos = pause.toNanos();
        this.closeWait = closeWait;
        this.work = work;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
    }

    /** Called after each commit: costs the caller one atomic write and, when this thread sleeps, a wake-up. */
    void committed() {
        if (closed || due.getAndSet(true)) {
            return;
        }
        if (!started.get() && started.compareAndSet(false, true)) {
            thread.start();
        } else {
            LockSupport.unpark(thread);
        }
    }

    /** Whether the thread is being stopped: a run of many steps stops between two of them. */
    boolean closing() {
        return closed;
    }

    private void loop() {
        while (!closed) {
            if (!due.get()) {
                LockSupport.park(this);
                continue;
            }
            gather();
            if (closed) {
                return;
            }
            due.set(false); // what was committed until now is in this run; later commits ask again
            runLogged();
        }
    }

    /** Waits {@code pause} (a commit's wake-up does not end it early; closing does). */
    private void gather() {
        long end = System.nanoTime() + pauseNanos;
        for (long left = pauseNanos; left > 0 && !closed; left = end - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }

    private void runLogged() {
        try {
            work.run();
            failing = false;
        } catch (SQLException | RuntimeException e) {
            if (closed) {
                return; // what the work used may be closed by now: its owner stops
            }
            if (!failing) {
                LOG.warn("{} failed; it runs again after the next commit (said once until it works again): {}",
                        thread.getName(), e.toString());
            }
            failing = true;
        }
    }

    /** Stops the thread, waiting for a run in progress; what the work uses stays its owner's to close. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        if (thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(closeWait.toMillis()); // at once when the thread never started
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
