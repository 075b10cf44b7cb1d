package app.scimconsole.directory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;

/**
 * The connections to one SQLite file. SQLite admits one writer at a time, so all writes go through a
 * single connection owned by one writer thread (callers queue instead of spinning on SQLITE_BUSY); each batch
 * of writes is one {@code BEGIN IMMEDIATE} transaction, committed once for all of them (group commit), so a
 * read-modify-write cannot interleave with another and full durability costs one fsync per batch, not per
 * request. Reads use a small pool of their own connections and, with WAL, never wait for the writer.
 */
final class SqliteConnections implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 5000;

    /** How many queued writes one commit may carry; bounds the latency a batch adds to its first write. */
    private static final int MAX_BATCH = 256;

    /** The writer's page cache, in KB: the indexes' upper levels and recent leaves of a large directory. */
    private static final int WRITER_CACHE_KB = 16 * 1024;

    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Connection writer;
    private final BlockingQueue<PendingWrite<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private final Connection checkpointing;
    private final WalCheckpointer checkpointer;
    /** Told after each commit, on the writer thread: each must only signal a thread of its own. */
    private final List<Runnable> afterCommit = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
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
        this.writerThread = new Thread(this::writeLoop, "sqlite-writer");
        writerThread.setDaemon(true);
        writerThread.start();
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
        // Otherwise the driver compiles and runs "SELECT last_insert_rowid()" after every INSERT (a statement of its
        // own each time, out of reach of the statement cache), for keys nobody here asks for: ids are ours, and
        // the activity log's number comes back through RETURNING.
        config.setGetGeneratedKeys(false);
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
     * Runs {@code work}, which reads with one statement, on a reader without a transaction of its own: SQLite reads
     * a lone statement from one snapshot, opened and ended around it, so a {@code BEGIN} and {@code COMMIT} would
     * only add two statements to run around it (issue 21: a PATCH starts with such a read).
     */
    <T> T readAlone(SqlWork<T> work) {
        Connection c = takeReader();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw StorageFailures.of(e, folder);
        } finally {
            readers.add(c);
        }
    }

    /**
     * Runs {@code work} in a write transaction and returns once it is durably committed. Concurrent writes are
     * committed together (group commit): the writer thread runs every write waiting in the queue, each after the
     * first inside its own savepoint, then commits them with one fsync. A failing write rolls back only its own savepoint,
     * and nobody is told "done" before the commit that contains their write.
     */
    <T> T write(SqlWork<T> work) {
        if (Thread.currentThread() == writerThread) {
            // A write started from inside a write (same thread): it simply joins the open transaction.
            return runInSavepoint(work);
        }
        PendingWrite<T> pending = new PendingWrite<>(work);
        if (closed || !queue.offer(pending)) {
            throw new StorageException("The directory database is closed.", null);
        }
        return pending.await();
    }

    private void writeLoop() {
        List<PendingWrite<?>> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            if (batch.stream().anyMatch(p -> p == PendingWrite.STOP)) {
                batch.removeIf(p -> p == PendingWrite.STOP);
                commitBatch(batch);
                failRemaining();
                return;
            }
            commitBatch(batch);
            batch.clear();
        }
    }

    private void commitBatch(List<PendingWrite<?>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        writeLock.lock();
        try {
            execute(writer, "BEGIN IMMEDIATE");
            if (!batch.get(0).runFirst(this)) {
                // its changes undone with the transaction, which held nothing else; the rest go into a new one
                rollbackQuietly(writer);
                execute(writer, "BEGIN IMMEDIATE");
            }
            for (PendingWrite<?> p : batch.subList(1, batch.size())) {
                p.runIn(this);
            }
            joinLateArrivals(batch);
            try {
                execute(writer, "COMMIT");
            } catch (SQLException e) {
                rollback(writer, e);
                throw e;
            }
            batch.forEach(PendingWrite::publish);
            checkpointer.committed();
            afterCommit.forEach(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            StorageException failure = StorageFailures.of(e, folder);
            batch.forEach(p -> p.fail(failure));
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Writes queued while the batch ran join it before the commit: they would otherwise wait for this commit and
     * then pay for one of their own.
     */
    private void joinLateArrivals(List<PendingWrite<?>> batch) {
        PendingWrite<?> next;
        while (batch.size() < MAX_BATCH && (next = queue.peek()) != null && next != PendingWrite.STOP) {
            queue.poll(); // only this thread takes from the queue, so this is the write just peeked
            next.runIn(this);
            batch.add(next);
        }
    }

    /** Runs the first write of a batch, alone in the open transaction (see {@link PendingWrite#runFirst}). */
    <T> T runAlone(SqlWork<T> work) {
        try {
            return work.run(writer);
        } catch (SQLException e) {
            throw StorageFailures.of(e, folder);
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

    private void failRemaining() {
        List<PendingWrite<?>> left = new ArrayList<>();
        queue.drainTo(left);
        StorageException closedError = new StorageException("The directory database is closed.", null);
        left.forEach(p -> p.fail(closedError));
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

    /**
     * Ends the open transaction, if SQLite has not ended it already (some failures roll it back themselves); a
     * transaction still open after this makes the next {@code BEGIN} fail, and so its batch.
     */
    private static void rollbackQuietly(Connection c) {
        try {
            execute(c, "ROLLBACK");
        } catch (SQLException e) {
            // no transaction was open, or it could not be ended: the BEGIN that follows tells which
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            execute(c, "ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
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
        if (!closed) {
            closed = true;
            queue.add(PendingWrite.STOP);
            try {
                writerThread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
