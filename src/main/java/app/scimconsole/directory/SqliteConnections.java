package app.scimconsole.directory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;

/**
 * The connections to one SQLite file. SQLite admits one writer at a time, so all writes go through a
 * single connection, one thread at a time (callers line up instead of spinning on SQLITE_BUSY): the first caller in
 * line runs the writes waiting behind it too, each batch of writes is one {@code BEGIN IMMEDIATE} transaction,
 * committed once for all of them (group commit), so a read-modify-write cannot interleave with another and full
 * durability costs one fsync per batch, not per request ({@link WriteLine}). Reads use a small pool of their own
 * connections and, with WAL, never wait for the writer.
 */
final class SqliteConnections implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 5000;

    /** How many queued writes one commit may carry; bounds the latency a batch adds to its first write. */
    private static final int MAX_BATCH = 256;

    /** The writer's page cache, in KB: the indexes' upper levels and recent leaves of a large directory. */
    private static final int WRITER_CACHE_KB = 16 * 1024;

    /** How long closing waits for the writes in line. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    /** Held by the thread that uses the writer connection: a batch's leader, or the checkpointer restarting the log. */
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Connection writer;
    private final WriteLine line = new WriteLine();
    /** The thread running a batch now: a write it starts from inside a write joins that batch's transaction. */
    private volatile Thread batchThread;
    private final Connection checkpointing;
    private final WalCheckpointer checkpointer;
    /** Told after each commit, on the thread that committed: each must only signal a thread of its own. */
    private final List<Runnable> afterCommit = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Connection> readers;
    private final List<Connection> allReaders = new ArrayList<>();
    private final Path folder;

    SqliteConnections(Path dbFile, int readerCount) throws SQLException {
        this.folder = dbFile.toAbsolutePath().getParent();
        String url = "jdbc:sqlite:" + dbFile.toAbsolutePath();
        this.writer = connect(url, false);
        // the log is checkpointed beside the writer, not inside its commits (WalCheckpointer)
        execute(writer, "PRAGMA wal_autocheckpoint = 0");
        // The writer's pages stay valid from commit to commit (it is the only writer), so what it keeps it never reads
        // again: with SQLite's default of 2 MB, a create's index leaves were read back from the file, a pread each.
        execute(writer, "PRAGMA cache_size = -" + WRITER_CACHE_KB);
        this.checkpointing = connect(url, false);
        this.checkpointer = new WalCheckpointer(checkpointing, writeLock, WalCheckpointer.PAUSE_MS,
                WalCheckpointer.LIMIT_PAGES);
        this.readers = new ArrayBlockingQueue<>(readerCount);
        for (int i = 0; i < readerCount; i++) {
            Connection reader = connect(url, true);
            allReaders.add(reader);
            readers.add(reader);
        }
    }

    private static Connection connect(String url, boolean queryOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // Each write runs in a savepoint, whose statement journal would otherwise be a temporary file created
        // and deleted on disk for every batch; it only ever holds the undo of one write.
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        Connection c = config.createConnection(url);
        try {
            useJavaLowerCase(c);
            if (queryOnly) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA query_only = ON");
                }
            }
            return StatementCache.wrap(c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /**
     * SQLite's own lower() folds ASCII only, while the shadow columns and filter values are folded in
     * Java; replacing lower() keeps both sides of every case-insensitive comparison folded the same way.
     */
    private static void useJavaLowerCase(Connection c) throws SQLException {
        Function.create(c, "lower", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String text = value_text(0);
                if (text == null) {
                    result();
                } else {
                    result(text.toLowerCase(Locale.ROOT));
                }
            }
        }, 1, Function.FLAG_DETERMINISTIC);
    }

    /** Adds {@code signal} to what the writer calls after each commit; it must return at once. */
    void afterEachCommit(Runnable signal) {
        afterCommit.add(signal);
    }

    <T> T read(SqlWork<T> work) {
        Connection c = takeReader();
        try {
            return inTransaction(c, "BEGIN", work);
        } finally {
            readers.add(c);
        }
    }

    /**
     * Runs {@code work} in a write transaction and returns once it is durably committed. Concurrent writes are
     * committed together (group commit): the first caller in line runs every write waiting behind it, each inside
     * its own savepoint, then commits them with one fsync. A failing write rolls back only its own changes, and
     * nobody is told "done" before the commit that contains their write.
     */
    <T> T write(SqlWork<T> work) {
        if (Thread.currentThread() == batchThread) {
            // A write started from inside a write (same thread): it simply joins the open transaction.
            return runInSavepoint(work);
        }
        PendingWrite<T> mine = new PendingWrite<>(work);
        if (line.join(mine) || mine.awaitTurn()) {
            lead();
        }
        return mine.outcome();
    }

    /** Runs the batch at the front of the line, this caller's write first, and hands the lead to the next write. */
    private void lead() {
        List<PendingWrite<?>> batch = line.batch(MAX_BATCH);
        writeLock.lock();
        batchThread = Thread.currentThread();
        try {
            commitBatch(batch);
        } finally {
            batchThread = null;
            writeLock.unlock();
            PendingWrite<?> next = line.finish(batch);
            if (next != null) {
                next.lead(); // first: the next batch's commit starts while this one's callers wake
            }
            batch.forEach(PendingWrite::publish);
        }
    }

    private void commitBatch(List<PendingWrite<?>> batch) {
        try {
            if (!runAndCommit(batch)) {
                return;
            }
        } catch (SQLException | RuntimeException | Error e) {
            rollback(writer, e); // nothing of the batch may stay open for the next one
            StorageException failure = StorageFailures.of(e, folder);
            batch.forEach(p -> p.fail(failure));
            if (e instanceof Error error) {
                throw error;
            }
            return;
        }
        checkpointer.committed();
        afterCommit.forEach(Runnable::run);
    }

    /** Runs the batch's writes in one transaction and commits it; false when its lone write failed (rolled back). */
    private boolean runAndCommit(List<PendingWrite<?>> batch) throws SQLException {
        execute(writer, "BEGIN IMMEDIATE");
        if (batch.size() == 1) {
            // A lone write needs no savepoint: if it fails, the transaction holds nothing but it.
            if (!batch.get(0).runIn(this, true)) {
                rollback(writer, null);
                return false;
            }
        } else {
            batch.forEach(p -> p.runIn(this, false));
        }
        joinLateArrivals(batch);
        execute(writer, "COMMIT");
        return true;
    }

    /**
     * Writes that came while the batch ran join it before the commit: they would otherwise wait for this commit and
     * then pay for one of their own.
     */
    private void joinLateArrivals(List<PendingWrite<?>> batch) {
        List<PendingWrite<?>> late;
        while (!(late = line.cameAfter(batch, MAX_BATCH)).isEmpty()) {
            late.forEach(p -> p.runIn(this, false));
            batch.addAll(late);
        }
    }

    /** Runs one write inside the open batch transaction; on failure only its own changes are undone. */
    <T> T runInSavepoint(SqlWork<T> work) {
        try {
            execute(writer, "SAVEPOINT w");
            T result;
            try {
                result = work.run(writer);
            } catch (SQLException | RuntimeException e) {
                execute(writer, "ROLLBACK TO w");
                execute(writer, "RELEASE w");
                throw e;
            }
            execute(writer, "RELEASE w");
            return result;
        } catch (SQLException e) {
            throw StorageFailures.of(e, folder);
        }
    }

    /** Runs the transaction's only write; on failure the caller rolls the transaction back. */
    <T> T runAlone(SqlWork<T> work) {
        try {
            return work.run(writer);
        } catch (SQLException e) {
            throw StorageFailures.of(e, folder);
        }
    }

    private <T> T inTransaction(Connection c, String begin, SqlWork<T> work) {
        try {
            execute(c, begin);
            T result;
            try {
                result = work.run(c);
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            }
            execute(c, "COMMIT");
            return result;
        } catch (SQLException e) {
            throw StorageFailures.of(e, folder);
        }
    }

    /** Transaction control through the statement cache: these few statements run around every request. */
    private static void execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            execute(c, "ROLLBACK");
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }

    private Connection takeReader() {
        try {
            return readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while waiting for a database connection", e);
        }
    }

    @Override
    public void close() {
        line.close(CLOSE_WAIT);
        checkpointer.close();
        writeLock.lock();
        try {
            closeQuietly(checkpointing);
            closeQuietly(writer);
            allReaders.forEach(SqliteConnections::closeQuietly);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing: nothing useful to do with a failure here
        }
    }
}
