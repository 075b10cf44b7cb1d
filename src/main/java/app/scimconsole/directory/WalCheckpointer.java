package app.scimconsole.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies the write-ahead log back into the database file on a connection and a thread of its own (issue 21). SQLite's
 * automatic checkpoint runs inside the commit that pushes the log past 1,000 pages, on the single writer thread, so
 * every fortieth create or so waited for a thousand pages to be written and the database file synced, and so did every
 * write queued behind it. Here the writer's connection has {@code wal_autocheckpoint=0} and only signals a commit; this
 * thread waits a moment for more commits to gather (one checkpoint copies each page once however often it changed),
 * then runs a PASSIVE checkpoint, which works beside the writer's commits and never blocks them. Durability is the
 * log's, as before: a commit is durable once its frames are synced to the log, whether or not they were copied yet.
 *
 * <p>The log is kept bounded: a PASSIVE checkpoint copies what was committed when it began, and SQLite starts the log
 * again from its beginning only once every frame has been copied. Should a steady stream of commits keep it from ever
 * catching up, and the log pass {@code limitPages}, the next checkpoint takes the write lock (the writer waits for
 * it, as it did for the automatic checkpoint) and restarts the log.
 */
final class WalCheckpointer implements AutoCloseable {
    /** How long commits gather before a checkpoint copies them. */
    static final long PAUSE_MS = 100;
    /** 16 MB of 4 KB pages: beyond this the log is restarted with the writer held. */
    static final int LIMIT_PAGES = 4096;

    private static final Logger LOG = Logger.getLogger(WalCheckpointer.class.getName());

    private final Connection connection;
    private final Lock writeLock;
    private final long pauseMs;
    private final int limitPages;
    private final AtomicBoolean committed = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean closed;

    WalCheckpointer(Connection connection, Lock writeLock, long pauseMs, int limitPages) {
        this.connection = connection;
        this.writeLock = writeLock;
        this.pauseMs = pauseMs;
        this.limitPages = limitPages;
        this.thread = new Thread(this::loop, "sqlite-checkpointer");
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
                committed.set(false); // what was committed until now is in this checkpoint; later commits ask again
                if (logPages("PASSIVE") > limitPages) {
                    restartHoldingWriter();
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                // The log keeps every commit; a failed checkpoint only leaves it longer until the next one.
                LOG.log(Level.WARNING, "WAL checkpoint failed: {0}", e.getMessage());
            }
        }
    }

    private void restartHoldingWriter() throws SQLException {
        writeLock.lock();
        try {
            logPages("RESTART");
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs a checkpoint of {@code mode}; returns the pages in the log when it ran. */
    private int logPages(String mode) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("PRAGMA wal_checkpoint(" + mode + ")");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(2) : 0;
        }
    }

    /** Stops the thread; the connection stays its owner's to close. */
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
