package app.scimconsole.directory;

import app.scimconsole.domains.Challenge;
import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.DomainRecord;
import app.scimconsole.domains.DomainState;
import app.scimconsole.domains.DomainStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registered e-mail domains (table {@code domains}, migration {@code V2__domains.sql}). Times are epoch
 * milliseconds. The partial unique index {@code domains_verified_once} lets one tenant at most have a domain
 * VERIFIED, whatever the race.
 */
final class DomainRows {
    private static final String COLUMNS = "tenant_id, domain, record_name, record_value, status, created, "
            + "window_start, last_checked, verified_at, lost_since, next_check, attempts, " + FindingsColumns.NAMES;
    private static final String SELECT = "SELECT " + COLUMNS + " FROM domains ";

    private DomainRows() {
    }

    /** Returns false when the tenant already has the domain. */
    static boolean insert(Connection c, DomainRecord r) throws SQLException {
        List<Object> values = new ArrayList<>(List.of(r.tenantId(), r.domain().ascii(), r.challenge().recordName(),
                r.challenge().recordValue()));
        values.addAll(state(r));
        return Jdbc.update(c, "INSERT INTO domains (" + COLUMNS + ") VALUES (" + Jdbc.placeholders(values) + ") "
                + "ON CONFLICT (tenant_id, domain) DO NOTHING", values.toArray()) == 1;
    }

    /** Saves the state and the last check's findings. Returns false when the domain is not registered (any more). */
    static boolean update(Connection c, DomainRecord r) throws SQLException {
        List<Object> values = state(r);
        values.add(r.tenantId());
        values.add(r.domain().ascii());
        return Jdbc.update(c, "UPDATE domains SET status = ?, created = ?, window_start = ?, last_checked = ?, "
                + "verified_at = ?, lost_since = ?, next_check = ?, attempts = ?, summary_code = ?, summary_args = ?, "
                + "diagnoses = ?, detail = ? WHERE tenant_id = ? AND domain = ?", values.toArray()) == 1;
    }

    /** Moves the next check to {@code leaseUntil} only if it is still {@code expected}. */
    static boolean moveNextCheck(Connection c, DomainRecord due, Instant expected, Instant leaseUntil)
            throws SQLException {
        return Jdbc.update(c, "UPDATE domains SET next_check = ? WHERE tenant_id = ? AND domain = ? AND next_check = ?",
                leaseUntil.toEpochMilli(), due.tenantId(), due.domain().ascii(), expected.toEpochMilli()) == 1;
    }

    static boolean delete(Connection c, String tenantId, DomainName domain) throws SQLException {
        return Jdbc.update(c, "DELETE FROM domains WHERE tenant_id = ? AND domain = ?", tenantId, domain.ascii()) == 1;
    }

    static Optional<DomainRecord> find(Connection c, String tenantId, DomainName domain) throws SQLException {
        return select(c, SqlWhere.of(SELECT + "WHERE tenant_id = ? AND domain = ?", tenantId, domain.ascii()))
                .stream().findFirst();
    }

    static List<DomainRecord> list(Connection c, String tenantId) throws SQLException {
        return select(c, SqlWhere.of(SELECT + "WHERE tenant_id = ? ORDER BY domain", tenantId));
    }

    static List<DomainRecord> due(Connection c, Instant now, int limit) throws SQLException {
        return select(c, SqlWhere.of(SELECT + "WHERE next_check IS NOT NULL AND next_check <= ? "
                + "ORDER BY next_check LIMIT ?", now.toEpochMilli(), limit));
    }

    static boolean isVerified(Connection c, String tenantId, DomainName domain) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, SqlWhere.of(
                "SELECT 1 FROM domains WHERE tenant_id = ? AND domain = ? AND status = 'VERIFIED'",
                tenantId, domain.ascii())); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    static Optional<String> verifiedBy(Connection c, DomainName domain) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, SqlWhere.of(
                "SELECT tenant_id FROM domains WHERE domain = ? AND status = 'VERIFIED'", domain.ascii()));
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /** status .. the findings, in the order of {@link #COLUMNS}. */
    private static List<Object> state(DomainRecord r) {
        DomainState s = r.state();
        List<Object> values = new ArrayList<>();
        values.add(s.status().name());
        values.add(millis(r.created()));
        values.add(millis(s.windowStart()));
        values.add(millis(r.lastChecked()));
        values.add(millis(s.verifiedAt()));
        values.add(millis(s.lostSince()));
        values.add(millis(s.nextCheck()));
        values.add(s.attempts());
        values.addAll(FindingsColumns.values(r.findings()));
        return values;
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static Instant time(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static List<DomainRecord> select(Connection c, SqlWhere query) throws SQLException {
        List<DomainRecord> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(c, query); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    private static DomainRecord read(ResultSet rs) throws SQLException {
        DomainName domain = DomainName.canonical(rs.getString("domain"));
        String value = rs.getString("record_value");
        Challenge challenge = new Challenge(domain, value.substring(Challenge.VALUE_PREFIX.length()));
        DomainState state = new DomainState(DomainStatus.valueOf(rs.getString("status")), time(rs, "window_start"),
                time(rs, "verified_at"), time(rs, "lost_since"), time(rs, "next_check"), rs.getInt("attempts"));
        return new DomainRecord(rs.getString("tenant_id"), challenge, state, FindingsColumns.read(rs),
                time(rs, "created"), time(rs, "last_checked"));
    }
}
