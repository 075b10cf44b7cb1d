package app.scimconsole.directory;

import app.scimconsole.domains.DomainCheck;
import app.scimconsole.domains.DomainConflictException;
import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.DomainRecord;
import app.scimconsole.domains.DomainRecords;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The domains' storage on the directory's database, each operation one read or write transaction of the engine,
 * so it behaves alike on SQLite (the single writer, group commit) and PostgreSQL (instances sharing the database).
 */
final class SqlDomainRecords implements DomainRecords {
    private final SqlDirectory db;
    /** Moves after each write of domains through this store has ended, committed or not ({@link #version}). */
    private final AtomicLong version = new AtomicLong();

    SqlDomainRecords(SqlDirectory db) {
        this.db = db;
    }

    /**
     * How many writes of domains this store (this process) has finished: a reader that kept what it read knows that
     * a domain may have changed since once this moved (on another instance of a shared database it never moves).
     */
    long version() {
        return version.get();
    }

    /** A write of domains; the version moves only once it is committed (or failed), never before. */
    private <T> T write(SqlWork<T> work) {
        try {
            return db.write(work);
        } finally {
            version.incrementAndGet();
        }
    }

    @Override
    public boolean insert(DomainRecord r) {
        return write(c -> DomainRows.insert(c, r));
    }

    @Override
    public void update(DomainRecord r) {
        write(c -> {
            // The index would refuse the row anyway; asking first keeps the usual case free of a failed statement.
            if (r.state().isVerified()
                    && DomainRows.verifiedBy(c, r.domain()).filter(t -> !t.equals(r.tenantId())).isPresent()) {
                throw new DomainConflictException(r.domain());
            }
            boolean updated;
            try {
                updated = DomainRows.update(c, r);
            } catch (SQLException e) {
                // Another instance verified it between the question and the update (PostgreSQL, READ COMMITTED).
                if (Jdbc.isUniqueViolation(e)) {
                    throw new DomainConflictException(r.domain());
                }
                throw e;
            }
            if (updated) {
                DomainCheckRows.append(c, r, HISTORY_KEPT);
            }
            return null;
        });
    }

    @Override
    public Optional<DomainRecord> find(String tenantId, DomainName domain) {
        return db.read(c -> DomainRows.find(c, tenantId, domain));
    }

    @Override
    public List<DomainRecord> list(String tenantId) {
        return db.read(c -> DomainRows.list(c, tenantId));
    }

    @Override
    public List<DomainRecord> dueForRecheck(Instant now, int limit) {
        return db.read(c -> DomainRows.due(c, now, limit));
    }

    @Override
    public boolean claimRecheck(DomainRecord due, Instant leaseUntil) {
        Instant expected = due.state().nextCheck();
        return expected != null && write(c -> DomainRows.moveNextCheck(c, due, expected, leaseUntil));
    }

    @Override
    public boolean remove(String tenantId, DomainName domain) {
        return write(c -> {
            DomainCheckRows.removeAll(c, tenantId, domain);
            return DomainRows.delete(c, tenantId, domain);
        });
    }

    @Override
    public boolean isVerified(String tenantId, DomainName domain) {
        return db.readOne(c -> DomainRows.isVerified(c, tenantId, domain));
    }

    @Override
    public Optional<String> verifiedBy(DomainName domain) {
        return db.readOne(c -> DomainRows.verifiedBy(c, domain));
    }

    @Override
    public List<DomainCheck> history(String tenantId, DomainName domain, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("Ask for at least one check (the limit was " + limit + ").");
        }
        return db.read(c -> DomainCheckRows.newest(c, tenantId, domain, Math.min(limit, HISTORY_KEPT)));
    }
}
