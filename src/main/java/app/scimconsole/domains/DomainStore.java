package app.scimconsole.domains;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Registered domains in the directory's database (table {@code domains}, migration {@code V2__domains.sql}).
 * A partial unique index makes sure one domain is VERIFIED for one tenant at most, even under races. Every saved
 * check is also kept in the domain's history (table {@code domain_checks}, migration {@code V4__domain_checks.sql}).
 */
public final class DomainStore {
    private static final String COLUMNS = "tenant_id, domain, record_name, record_value, status, detail, created, "
            + "window_start, last_checked, verified_at, lost_since, next_check, attempts";

    /** Checks kept per domain: about three days of pending re-checks, or half a year of daily ones. */
    public static final int HISTORY_KEPT = 200;

    private final DataSource dataSource;
    private final DataSource reads;

    public DomainStore(DataSource dataSource) {
        this(dataSource, dataSource);
    }

    /**
     * {@code reads} serves the queries (the SCIM service asks {@link #isVerified} on every user write, and must not
     * queue behind writes for it); {@code writes} serves the changes.
     */
    public DomainStore(DataSource writes, DataSource reads) {
        this.dataSource = writes;
        this.reads = reads;
    }

    /** Stores a new registration. Returns false when the tenant already registered the domain. */
    public boolean insert(DomainRecord r) {
        String sql = "INSERT INTO domains (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
                + "ON CONFLICT (tenant_id, domain) DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, r.tenantId());
            ps.setString(2, r.domain().ascii());
            ps.setString(3, r.challenge().recordName());
            ps.setString(4, r.challenge().recordValue());
            bindState(ps, 5, r);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("save the domain", e);
        }
    }

    /**
     * Saves a check's result and adds it to the domain's history (see {@link #history}), both or neither. Throws
     * {@link DomainConflictException} if another tenant has the domain verified.
     */
    public void update(DomainRecord r) {
        String sql = "UPDATE domains SET status = ?, detail = ?, created = ?, window_start = ?, last_checked = ?, "
                + "verified_at = ?, lost_since = ?, next_check = ?, attempts = ? WHERE tenant_id = ? AND domain = ?";
        try (Connection c = dataSource.getConnection()) {
            inTransaction(c, () -> {
                if (r.state().isVerified()
                        && verifiedBy(c, r.domain()).filter(t -> !t.equals(r.tenantId())).isPresent()) {
                    throw new DomainConflictException(r.domain());
                }
                int updated;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bindState(ps, 1, r);
                    ps.setString(10, r.tenantId());
                    ps.setString(11, r.domain().ascii());
                    updated = ps.executeUpdate();
                }
                // A domain removed while it was being checked gets no orphaned history.
                if (updated == 1) {
                    CheckHistoryRows.append(c, r, HISTORY_KEPT);
                }
                return null;
            });
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new DomainConflictException(r.domain());
            }
            throw failure("save the check result", e);
        }
    }

    /**
     * The domain's stored checks, newest first, at most {@code limit} (and never more than {@link #HISTORY_KEPT}).
     * Empty when the domain was never checked or is not registered.
     */
    public List<DomainCheck> history(String tenantId, DomainName domain, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("Ask for at least one check (the limit was " + limit + ").");
        }
        try (Connection c = reads.getConnection()) {
            return CheckHistoryRows.newest(c, tenantId, domain, Math.min(limit, HISTORY_KEPT));
        } catch (SQLException e) {
            throw failure("read the domain's check history", e);
        }
    }

    public Optional<DomainRecord> find(String tenantId, DomainName domain) {
        List<DomainRecord> found = select("WHERE tenant_id = ? AND domain = ?", tenantId, domain.ascii());
        return found.stream().findFirst();
    }

    /** The tenant's domains, by name. */
    public List<DomainRecord> list(String tenantId) {
        return select("WHERE tenant_id = ? ORDER BY domain", tenantId);
    }

    /** Domains of all tenants whose automatic re-check is due at {@code now}, oldest first. */
    public List<DomainRecord> dueForRecheck(Instant now, int limit) {
        return select("WHERE next_check IS NOT NULL AND next_check <= ? ORDER BY next_check LIMIT ?",
                now.toEpochMilli(), limit);
    }

    /**
     * Claims a due re-check for this instance: moves its next check to {@code leaseUntil} only if no other
     * instance has moved it since it was read (several {@code serve} instances share one database). A claimed
     * domain whose check never completes is simply due again when the lease ends.
     */
    public boolean claimRecheck(DomainRecord due, Instant leaseUntil) {
        if (due.state().nextCheck() == null) {
            return false;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE domains SET next_check = ? WHERE tenant_id = ? AND domain = ? AND next_check = ?")) {
            ps.setLong(1, leaseUntil.toEpochMilli());
            ps.setString(2, due.tenantId());
            ps.setString(3, due.domain().ascii());
            ps.setLong(4, due.state().nextCheck().toEpochMilli());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("claim the domain's re-check", e);
        }
    }

    /** Removes the registration and its check history. Returns false when there was none. */
    public boolean remove(String tenantId, DomainName domain) {
        try (Connection c = dataSource.getConnection()) {
            return inTransaction(c, () -> {
                CheckHistoryRows.removeAll(c, tenantId, domain);
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM domains WHERE tenant_id = ? AND domain = ?")) {
                    ps.setString(1, tenantId);
                    ps.setString(2, domain.ascii());
                    return ps.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            throw failure("remove the domain", e);
        }
    }

    /**
     * For the SCIM service: may this tenant provision addresses in {@code domain}? Exact domain match (a verified
     * example.com does not cover mail.example.com). One primary-key lookup. Text that is not a domain is false.
     */
    public boolean isVerified(String tenantId, String domain) {
        DomainName name;
        try {
            name = DomainName.parse(domain);
        } catch (InvalidDomainException e) {
            return false;
        }
        try (Connection c = reads.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM domains WHERE tenant_id = ? AND domain = ? AND status = 'VERIFIED'")) {
            ps.setString(1, tenantId);
            ps.setString(2, name.ascii());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw failure("read the domain", e);
        }
    }

    /** The tenant that has {@code domain} verified, if any. */
    public Optional<String> verifiedBy(DomainName domain) {
        try (Connection c = reads.getConnection()) {
            return verifiedBy(c, domain);
        } catch (SQLException e) {
            throw failure("read the domain", e);
        }
    }

    private static Optional<String> verifiedBy(Connection c, DomainName domain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT tenant_id FROM domains WHERE domain = ? AND status = 'VERIFIED'")) {
            ps.setString(1, domain.ascii());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} all or nothing. A savepoint rather than {@code setAutoCommit(false)}: the connection may be
     * the directory's writer lent inside a transaction it opened with {@code BEGIN IMMEDIATE}, which JDBC does not
     * know about. A savepoint nests in that transaction, and outside one SQLite opens and commits its own. On
     * PostgreSQL the connection is the pool's own, and the work runs in a JDBC transaction.
     */
    private static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
        if (c.getAutoCommit() && !"SQLite".equals(c.getMetaData().getDatabaseProductName())) {
            // PostgreSQL: a pooled connection of its own, so a plain JDBC transaction (the pool resets auto-commit).
            c.setAutoCommit(false);
            try {
                T result = work.run();
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("SAVEPOINT domain_store");
            T result;
            try {
                result = work.run();
            } catch (SQLException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK TO domain_store");
                    s.execute("RELEASE domain_store");
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            }
            s.execute("RELEASE domain_store");
            return result;
        }
    }

    // ---- mapping ------------------------------------------------------------------------------------------------

    /** Binds status .. attempts (9 values) from {@code first}. */
    private static void bindState(PreparedStatement ps, int first, DomainRecord r) throws SQLException {
        DomainState s = r.state();
        ps.setString(first, s.status().name());
        ps.setString(first + 1, r.detail());
        setTime(ps, first + 2, r.created());
        setTime(ps, first + 3, s.windowStart());
        setTime(ps, first + 4, r.lastChecked());
        setTime(ps, first + 5, s.verifiedAt());
        setTime(ps, first + 6, s.lostSince());
        setTime(ps, first + 7, s.nextCheck());
        ps.setInt(first + 8, s.attempts());
    }

    private static void setTime(PreparedStatement ps, int index, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, t.toEpochMilli());
        }
    }

    private List<DomainRecord> select(String where, Object... args) {
        try (Connection c = reads.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM domains " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<DomainRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the domains", e);
        }
    }

    private static DomainRecord read(ResultSet rs) throws SQLException {
        DomainName domain = DomainName.parse(rs.getString("domain"));
        String value = rs.getString("record_value");
        Challenge challenge = new Challenge(domain, value.substring(Challenge.VALUE_PREFIX.length()));
        DomainState state = new DomainState(DomainStatus.valueOf(rs.getString("status")), time(rs, "window_start"),
                time(rs, "verified_at"), time(rs, "lost_since"), time(rs, "next_check"), rs.getInt("attempts"));
        return new DomainRecord(rs.getString("tenant_id"), challenge, state, rs.getString("detail"),
                time(rs, "created"), time(rs, "last_checked"));
    }

    private static Instant time(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static boolean isUniqueViolation(SQLException e) {
        // Only UNIQUE: SQLite's plain code 19 covers every constraint, and a failing history insert (NOT NULL, a
        // trigger) must not be reported as "verified by another organization".
        return "23505".equals(e.getSQLState())
                || (e instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);
    }

    private static DomainStoreException failure(String what, SQLException e) {
        return new DomainStoreException("Could not " + what + " in the database.", e);
    }
}
