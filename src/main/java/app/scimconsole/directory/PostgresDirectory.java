package app.scimconsole.directory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory on PostgreSQL, shared by any number of service instances (issue 9). Connections come from a
 * HikariCP pool. Every write is one READ COMMITTED transaction: a change computed from a version is written only
 * while the row is still at that version ({@code UPDATE ... WHERE version = ?}; a row changed meanwhile by another
 * instance makes it a version conflict, and the caller computes again), membership changes are row changes that
 * queue on the group's row, and a delete locks the row it reads ({@code SELECT ... FOR UPDATE}); uniqueness of
 * userName and group displayName is the unique indexes' (a second create is a duplicate). A write the database aborts as a
 * deadlock or serialization failure is retried from the start, a few times. A write's directory events are stored
 * pending and numbered right after its commit, in a short transaction of their own under the tenant's lock (V25 says
 * why). Reads run in one REPEATABLE READ, READ ONLY transaction, so a list's count and its page agree; a read of one
 * statement (a tenant, its tokens, whether a domain is verified) runs alone in auto-commit. Nothing is cached in the process: tokens,
 * tenants and domain status are read from the database on every request.
 */
public final class PostgresDirectory extends SqlDirectory {
    /** Attempts of a write that the database aborted as a deadlock or serialization failure. */
    private static final int ATTEMPTS = 5;
    /**
     * How long a request waits for a connection. While the server is down or restarting the pool keeps failing to
     * open one; the request must be told so (503, try again) well within a client's time-out, Entra's included,
     * rather than wait for a server that may be gone for minutes.
     */
    static final Duration CONNECTION_WAIT = Duration.ofSeconds(3);
    /** How long opening a connection may take: a server that does not answer at all, not one that refuses. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /**
     * The longest any statement may run, and how long a connection waits for an answer on its socket: a server
     * gone without closing its connections (a network cut, a frozen host) costs a request this, not forever. No
     * request of this service runs a statement near this long.
     */
    static final Duration STATEMENT_LIMIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(PostgresDirectory.class);

    private final HikariDataSource pool;
    private final ThreadLocal<Connection> inWrite = new ThreadLocal<>();
    /** The write's tenants whose events it left pending. */
    private final ThreadLocal<Set<String>> pendingOfWrite = new ThreadLocal<>();
    private final EventNumberer numberer = new EventNumberer(this::numberAll);

    private PostgresDirectory(HikariDataSource pool, Clock clock) {
        super(SqlDialect.POSTGRES, clock);
        this.pool = pool;
    }

    /** Connection settings: the JDBC URL ({@code jdbc:postgresql://host:port/db}), the user and password. */
    public record Settings(String url, String user, String password, int poolSize) {
        public Settings {
            if (url == null || !url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("A PostgreSQL database URL starts with jdbc:postgresql:");
            }
        }

        @Override
        public String toString() {
            return "Settings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]"; // never the password
        }
    }

    public static PostgresDirectory open(Settings settings) {
        return open(settings, Clock.systemUTC());
    }

    /** Connects, migrates the schema (Flyway takes a lock, so instances starting together are safe) and pools. */
    public static PostgresDirectory open(Settings settings, Clock clock) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(Math.max(2, settings.poolSize()));
        config.setPoolName("scim-postgres");
        config.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        config.addDataSourceProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
        config.addDataSourceProperty("socketTimeout", Long.toString(STATEMENT_LIMIT.toSeconds() + 5));
        config.setConnectionInitSql("SET statement_timeout = " + STATEMENT_LIMIT.toMillis());
        config.setAutoCommit(true);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("Cannot connect to the directory database " + settings.url() + ": "
                    + rootMessage(e), e);
        }
        try {
            // On a connection of its own, without the pool's time limits: a migration may rewrite every row.
            Flyway.configure().dataSource(settings.url(), settings.user(), settings.password())
                    .locations(Migrations.locations(SqlDialect.POSTGRES)).load().migrate();
            return new PostgresDirectory(pool, clock);
        } catch (RuntimeException e) {
            pool.close();
            throw new StorageException("Cannot prepare the directory database " + settings.url() + ": "
                    + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    <T> T read(SqlWork<T> work) {
        Connection joined = inWrite.get();
        if (joined != null) {
            return run(joined, work);
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            return inTransaction(c, work);
        } catch (SQLException e) {
            throw StorageFailures.of(e);
        }
    }

    /** One statement in auto-commit: one round trip, where a transaction would add its begin, settings and commit. */
    @Override
    <T> T readOne(SqlWork<T> work) {
        Connection joined = inWrite.get();
        if (joined != null) {
            return run(joined, work);
        }
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw StorageFailures.of(e);
        }
    }

    @Override
    <T> T write(SqlWork<T> work) {
        Connection joined = inWrite.get();
        if (joined != null) {
            return run(joined, work); // a write inside a write joins its transaction
        }
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                Set<String> pending = new LinkedHashSet<>();
                inWrite.set(c);
                pendingOfWrite.set(pending);
                T result;
                try {
                    result = inTransaction(c, work);
                } finally {
                    inWrite.remove();
                    pendingOfWrite.remove();
                }
                pending.forEach(numberer::ask);
                return result;
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && isRetryable(e)) {
                    pause(attempt);
                    continue;
                }
                throw StorageFailures.of(e);
            }
        }
    }

    /**
     * Pending, to be numbered once the write committed (V25 says why): the write's commit waits for no other write of
     * the tenant, so PostgreSQL flushes concurrent writes' commits together, and the write is answered after that one
     * flush: {@link EventNumberer} numbers the events on its own thread, a reader of the events before it reads.
     */
    @Override
    void storeEvents(Connection c, String tenantId, Instant time, List<Event> events, List<EventRows.Written> texts)
            throws SQLException {
        long mark = PendingEventRows.add(c, tenantId, time, events, texts);
        Set<String> pending = pendingOfWrite.get();
        if (mark > 0 && pending != null) {
            pending.add(tenantId);
        }
    }

    /**
     * Before events are read: numbers every event of the tenant committed by now, so that a reader sees each write
     * whose answer it could have seen (the writes do not wait for their numbering). While a numbering is in progress
     * the reader waits beside the others for it to commit (a shared hold on its lock) and is done if it took those
     * events; the readers queued on the lock one by one would each run an empty numbering in turn. If numbering
     * fails, the events read are those numbered: the feed is never out of order, only later.
     */
    @Override
    void numberCommitted(String tenantId) {
        if (inWrite.get() != null) {
            return; // read within a write: it sees its own transaction, and must not wait for a lock beside it
        }
        try (Connection c = pool.getConnection()) {
            long newest = PendingEventRows.newest(c, tenantId);
            if (newest == 0) {
                return;
            }
            c.setAutoCommit(false);
            for (int attempt = 0; attempt < 5; attempt++) {
                boolean done = inTransaction(c, x -> {
                    if (PendingEventRows.tryLock(x, tenantId)) {
                        PendingEventRows.number(x, tenantId);
                        return true;
                    }
                    return !PendingEventRows.pendingAfterNumbering(x, tenantId, newest);
                });
                if (done) {
                    return;
                }
            }
            number(c, tenantId);
        } catch (SQLException e) {
            throw StorageFailures.of(e);
        }
    }

    /** Numbers every committed pending event of the tenant, waiting for its lock ({@link EventNumberer}'s work). */
    private void numberAll(String tenantId) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            number(c, tenantId);
        } catch (SQLException e) {
            throw StorageFailures.of(e);
        }
    }

    /** One short transaction under the tenant's numbering lock (see {@link PendingEventRows#number}). */
    private static int number(Connection c, String tenantId) throws SQLException {
        return inTransaction(c, x -> {
            PendingEventRows.lock(x, tenantId);
            return PendingEventRows.number(x, tenantId);
        });
    }

    @Override
    public int numberWaitingEvents(Duration age) {
        int numbered = 0;
        for (String tenantId : readOne(c -> PendingEventRows.tenantsWaiting(c, age))) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                numbered += number(c, tenantId);
            } catch (SQLException e) {
                throw StorageFailures.of(e);
            }
        }
        return numbered;
    }

    private static <T> T run(Connection c, SqlWork<T> work) {
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw StorageFailures.of(e);
        }
    }

    /** Commits, or rolls back on any failure (the client's mistakes included) and rethrows it. */
    private static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
        T result;
        try {
            result = work.run(c);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
        return result;
    }

    /** 40001 serialization failure, 40P01 deadlock detected: the transaction can simply run again. */
    static boolean isRetryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while retrying a write", e);
        }
    }

    @Override
    public void close() {
        numberer.close();
        pool.close();
    }
}
