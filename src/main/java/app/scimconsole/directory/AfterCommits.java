package app.scimconsole.directory;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A thread that does some work a moment after commits, off the single writer thread: the writer only signals each
 * commit ({@link #committed}, one atomic write), this thread waits {@code pauseMs} for more commits to gather and then
 * does the work once for all of them. Used by {@link WalCheckpointer} (copy the log back) and {@link TrigramIndexer}
 * (index the names written since).
 */
final class AfterCommits implements AutoCloseable {
    /** The work; a failure is logged, and the next commit asks again. */
    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(AfterCommits.class.getName());

    private final String name;
    private final long pauseMs;
    private final Work work;
    private final AtomicBoolean committed = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean closed;

    /** {@code startDue}: the work is due at once (something may be left from before this process). */
    AfterCommits(String name, long pauseMs, boolean startDue, Work work) {
        this.name = name;
        this.pauseMs = pauseMs;
        this.work = work;
        committed.set(startDue);
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Called by the writer after each commit: costs it one atomic write and, when this thread sleeps, a wake-up. */
    void committed() {
        if (!committed.getAndSet(true)) {
            LockSupport.unpark(thread);
        }
    }

    private void loop() {
        while (!closed) {
            if (!committed.getAndSet(false)) {
                LockSupport.park(this);
                continue;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(pauseMs);
                committed.set(false); // what was committed until now is in this run; later commits ask again
                work.run();
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.log(Level.WARNING, "{0} failed: {1}", new Object[] {name, e.getMessage()});
            }
        }
    }

    /** Stops the thread (waiting for a run in progress); what the work uses stays its owner's to close. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
