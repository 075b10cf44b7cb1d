package app.scimconsole.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.Lock;

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
 * it, as it did for the automatic checkpoint) and restarts the log. The waiting and the thread are {@link AfterCommits}.
 */
final class WalCheckpointer implements AutoCloseable {
    /** How long commits gather before a checkpoint copies them. */
    static final long PAUSE_MS = 100;
    /** 16 MB of 4 KB pages: beyond this the log is restarted with the writer held. */
    static final int LIMIT_PAGES = 4096;
    /** How long closing waits for a checkpoint in progress; what it leaves is in the log, and the next open copies it. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final Connection connection;
    private final Lock writeLock;
    private final int limitPages;
    private final AfterCommits thread;

    WalCheckpointer(Connection connection, Lock writeLock, long pauseMs, int limitPages) {
        this.connection = connection;
        this.writeLock = writeLock;
        this.limitPages = limitPages;
        // The log keeps every commit; a failed checkpoint only leaves it longer until the next one.
        this.thread = new AfterCommits("sqlite-checkpointer", Duration.ofMillis(pauseMs), CLOSE_WAIT,
                this::checkpoint);
    }

    /** Called by the writer after each commit. */
    void committed() {
        thread.committed();
    }

    private void checkpoint() throws SQLException {
        if (logPages("PASSIVE") > limitPages) {
            restartHoldingWriter();
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
        thread.close();
    }
}
