package app.scimconsole.directory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;

/**
 * The connections to one SQLite file. SQLite admits one writer at a time, so all writes go through a
 * single connection behind a fair lock (threads queue here instead of spinning on SQLITE_BUSY), and each
 * write transaction starts with {@code BEGIN IMMEDIATE} so that a read-modify-write cannot interleave
 * with another. Reads use a small pool of their own connections and, with WAL, never wait for the writer.
 */
final class SqliteConnections implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 5000;

    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Connection writer;
    private final BlockingQueue<Connection> readers;
    private final List<Connection> allReaders = new ArrayList<>();

    SqliteConnections(Path dbFile, int readerCount) throws SQLException {
        String url = "jdbc:sqlite:" + dbFile.toAbsolutePath();
        this.writer = connect(url, false);
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
        Connection c = config.createConnection(url);
        try {
            useJavaLowerCase(c);
            if (queryOnly) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA query_only = ON");
                }
            }
            return c;
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

    /** Connections for other stores in the same file; see {@link LockedWriterDataSource}. */
    javax.sql.DataSource sharedWriter() {
        return new LockedWriterDataSource(writer, writeLock);
    }

    <T> T read(SqlWork<T> work) {
        Connection c = takeReader();
        try {
            return inTransaction(c, "BEGIN", work);
        } finally {
            readers.add(c);
        }
    }

    <T> T write(SqlWork<T> work) {
        writeLock.lock();
        try {
            return inTransaction(writer, "BEGIN IMMEDIATE", work);
        } finally {
            writeLock.unlock();
        }
    }

    private static <T> T inTransaction(Connection c, String begin, SqlWork<T> work) {
        try (Statement s = c.createStatement()) {
            s.execute(begin);
            T result;
            try {
                result = work.run(c);
            } catch (SQLException | RuntimeException e) {
                rollback(s, e);
                throw e;
            }
            s.execute("COMMIT");
            return result;
        } catch (SQLException e) {
            throw new StorageException("The directory database failed: " + e.getMessage(), e);
        }
    }

    private static void rollback(Statement s, Exception cause) {
        try {
            s.execute("ROLLBACK");
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
        writeLock.lock();
        try {
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
