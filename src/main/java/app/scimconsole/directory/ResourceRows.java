package app.scimconsole.directory;

import app.scimconsole.directory.Directory.GroupRef;
import app.scimconsole.directory.Directory.Member;
import app.scimconsole.directory.Directory.MemberDiff;
import app.scimconsole.directory.Directory.Page;
import app.scimconsole.directory.Directory.Query;
import app.scimconsole.directory.Directory.Seek;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.directory.Directory.Update;
import app.scimconsole.directory.Directory.Updated;
import app.scimconsole.scim.Filter;
import app.scimconsole.scim.MemberChange;
import app.scimconsole.scim.ResourceType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users and groups as rows: create, read, list, change and delete, each on a connection in a transaction. */
final class ResourceRows {
    private static final String COLUMNS = "r.id, r.doc, r.version, r.created, r.last_modified";

    /**
     * Up to this many matches, a filtered page is read by filtering first and sorting the matches. Otherwise
     * SQLite walks the sort order's index and tests each row, which reads every row of the tenant when the filter
     * is a rare substring (the console's search as you type).
     */
    static final long FEW_MATCHES = 1000;

    private final ObjectMapper mapper;
    private final Clock clock;
    private final SqlDialect dialect;

    ResourceRows(ObjectMapper mapper, Clock clock) {
        this(mapper, clock, SqlDialect.SQLITE);
    }

    ResourceRows(ObjectMapper mapper, Clock clock, SqlDialect dialect) {
        this.mapper = mapper;
        this.clock = clock;
        this.dialect = dialect;
    }

    /**
     * A new row, ready to insert: everything that needs no database (the stored copy, the derived columns, the
     * JSON text, the id and times) is done before the write transaction, so the single writer only inserts.
     */
    record NewRow(String tenantId, ResourceType type, String id, ObjectNode doc, Instant created,
            DerivedColumns derived, SqlWhere insert) {
        /** The resource as stored, for a write that added no memberships. */
        StoredResource stored() {
            return new StoredResource(type, id, doc, 1L, created, created, List.of(), List.of());
        }
    }

    NewRow newRow(String tenantId, ResourceType type, ObjectNode doc) {
        ObjectNode stored = storable(type, doc);
        DerivedColumns derived = DerivedColumns.of(type, stored);
        Instant created = now();
        String id = ResourceIds.of(created);
        String now = Timestamps.format(created);
        List<Object> params = new ArrayList<>(List.of(tenantId, id));
        params.addAll(derived.values());
        params.addAll(List.of(now, now, 1L, write(stored)));
        String sql = "INSERT INTO " + table(type) + " (tenant_id, id, " + String.join(", ", derived.names())
                + ", created, last_modified, version, doc) VALUES (" + Jdbc.placeholders(params) + ")";
        return new NewRow(tenantId, type, id, stored, created, derived, new SqlWhere(sql, params));
    }

    /** Inserts the row; a new user has no groups yet, so only a group created with members is read back. */
    StoredResource insert(Connection c, NewRow row, List<String> memberIds) throws SQLException {
        execute(c, row.insert(), row.derived());
        if (memberIds.isEmpty()) {
            return row.stored();
        }
        requireGroup(row.type());
        Memberships.apply(c, row.tenantId(), row.id(),
                List.of(new MemberChange(MemberChange.Kind.ADD, memberIds)));
        return find(c, row.tenantId(), row.type(), row.id(), true).orElseThrow();
    }

    Optional<StoredResource> find(Connection c, String tenantId, ResourceType type, String id, boolean withMembers)
            throws SQLException {
        return find(c, tenantId, type, id, withMembers, "");
    }

    /** {@code lock}: what follows the SELECT, e.g. {@code FOR UPDATE} before a change of the row. */
    private Optional<StoredResource> find(Connection c, String tenantId, ResourceType type, String id,
            boolean withMembers, String lock) throws SQLException {
        List<StoredResource> found = select(c, type, rowSql(tenantId, type, id, lock), withMembers, null);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The resource's row alone, in one statement: without the memberships {@link #find} adds (a user's groups, a
     * group's members), which a change does not start from.
     */
    Optional<StoredResource> findRow(Connection c, String tenantId, ResourceType type, String id)
            throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, rowSql(tenantId, type, id, ""));
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(row(type, rs)) : Optional.empty();
        }
    }

    /** {@code r}, read without them, with its memberships as stored now, as {@link #find} would have read them. */
    static StoredResource withStoredMemberships(Connection c, StoredResource r, boolean withMembers)
            throws SQLException {
        return withTheirMemberships(c, r.type(), List.of(r), withMembers).get(0);
    }

    /** Whether {@link #withStoredMemberships} reads anything: a user's groups always, a group's members if asked for. */
    static boolean readsMemberships(ResourceType type, boolean withMembers) {
        return type == ResourceType.USER || withMembers;
    }

    private static SqlWhere rowSql(String tenantId, ResourceType type, String id, String lock) {
        return SqlWhere.of("SELECT " + COLUMNS + " FROM " + table(type) + " r WHERE r.id = ? AND r.tenant_id = ?"
                + lock, id, tenantId);
    }

    Page query(Connection c, String tenantId, ResourceType type, Query q, SqlWhere filter, SortOrder order)
            throws SQLException {
        TrigramSearch.Probe probe = probe(c, type, q.filter(), filter);
        SqlWhere where = matching(tenantId, type, filter, probe,
                q.seek() != null && dialect.pinsKeysetIndex() ? order.index() : null);
        int count = Math.max(0, q.count());
        if (q.seek() != null) {
            return seek(c, type, q, filter != null && !probe.mayMatchMoreThan(FEW_MATCHES), where, order, count);
        }
        int startIndex = Math.max(1, q.startIndex());
        // When the trigram index already says more users may match than the one pass gathers, it is not tried: it
        // would read its limit's worth of matches only to give up (the keystrokes "user-4" … "user-421" at a million).
        if (filter != null && count > 0 && dialect.sortsFewMatchesApart() && !probe.mayMatchMoreThan(FEW_MATCHES)) {
            Optional<Page> few = fewMatches(c, type, q, where, order, startIndex, count);
            if (few.isPresent()) {
                return few.get();
            }
        }
        // A bounded count stops reading matches at its limit: the console's search as you type on a million users
        // would otherwise count a hundred thousand matches on each keystroke.
        boolean bounded = filter != null && q.countUpTo() != Query.EXACT;
        SqlWhere counting = bounded ? boundedCountSql(where, q.countUpTo()) : where.wrap("SELECT COUNT(*)", "");
        long total = Jdbc.oneLong(c, counting, 0);
        boolean more = bounded && total > q.countUpTo();
        if (more) {
            total = q.countUpTo();
        }
        if (count == 0 || (total < startIndex && !more)) {
            return new Page(total, startIndex, List.of(), more);
        }
        Keyed rows = offsetPage(c, type, q.withMembers(), where, order, startIndex, count);
        return rows.page(total, startIndex, more, more || startIndex - 1L + rows.size() < total);
    }

    /**
     * The {@code count} rows from {@code startIndex} on: one statement, or for an order read in runs
     * ({@link SortOrder#readsInRuns}) one per run until the page is full, each a walk of the order's index. The offset
     * falls into the first run that yields a row; a run passed over whole is counted (from its index) to know how much
     * of the offset is left for the next.
     */
    private Keyed offsetPage(Connection c, ResourceType type, boolean withMembers, SqlWhere where, SortOrder order,
            int startIndex, int count) throws SQLException {
        if (!order.readsInRuns()) {
            return select(c, type, pageSql(where, order, startIndex, count), withMembers, null, order, 6);
        }
        List<StoredResource> rows = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        long skip = startIndex - 1L;
        List<SqlWhere> runs = order.runs();
        for (int i = 0; i < runs.size() && rows.size() < count; i++) {
            Keyed part = select(c, type, runSql(where, runs.get(i), order, false, count - rows.size(), skip),
                    withMembers, null, order, 6);
            rows.addAll(part.resources());
            keys.addAll(part.keys());
            if (!part.resources().isEmpty()) {
                skip = 0;
            } else if (skip > 0 && i + 1 < runs.size()) {
                SqlWhere inRun = where.join(" AND ", runs.get(i)).wrap("SELECT COUNT(*)", "");
                skip = Math.max(0, skip - Jdbc.oneLong(c, inRun, 0));
            }
        }
        return new Keyed(rows, keys);
    }

    /**
     * Whether more than {@code limit} of the tenant's rows match {@code filter} (may be null: all of them), found as
     * a list query finds them and counted with a LIMIT: at most {@code limit} + 1 matches are read, however many
     * there are.
     */
    boolean matchesMoreThan(Connection c, String tenantId, ResourceType type, Filter parsed, SqlWhere filter,
            long limit) throws SQLException {
        SqlWhere where = matching(tenantId, type, filter, probe(c, type, parsed, filter), null);
        return Jdbc.oneLong(c, boundedCountSql(where, limit), 0) > limit;
    }

    /**
     * The query's {@code FROM ... WHERE}: the tenant's rows that match {@code filter} (its SQL), narrowed to a name
     * search's trigram candidates when {@code probe} says so. {@code index} (may be null): the index a keyset page is
     * told to walk.
     */
    private SqlWhere matching(String tenantId, ResourceType type, SqlWhere filter, TrigramSearch.Probe probe,
            String index) {
        Optional<SqlWhere> narrowed = probe.narrowing();
        String source = narrowed.isPresent() ? " r NOT INDEXED" : index != null ? " r INDEXED BY " + index : " r";
        SqlWhere where = SqlWhere.of(" FROM " + table(type) + source + " WHERE r.tenant_id = ?", tenantId);
        if (filter != null) {
            where = where.join(" AND ", filter.wrap("(", ")"));
        }
        if (narrowed.isPresent()) {
            where = where.join(" AND ", narrowed.get());
        }
        return where;
    }

    /** What the trigram index says of a search of the users' names (SQLite); nothing for other lists or engines. */
    private TrigramSearch.Probe probe(Connection c, ResourceType type, Filter parsed, SqlWhere filter)
            throws SQLException {
        return filter != null && type == ResourceType.USER && dialect.narrowsNameSearches()
                ? TrigramSearch.probe(c, parsed) : TrigramSearch.Probe.UNKNOWN;
    }

    /** The matches of {@code where} (a FROM ... WHERE) counted up to {@code upTo} + 1: the LIMIT stops the read. */
    static SqlWhere boundedCountSql(SqlWhere where, long upTo) {
        return where.wrap("SELECT COUNT(*) FROM (SELECT 1", "").join("", SqlWhere.of(" LIMIT ?) n", upTo + 1));
    }

    /** A page of rows, each with its sort key after {@link #COLUMNS}: {@code where} is the query's FROM ... WHERE. */
    static SqlWhere pageSql(SqlWhere where, SortOrder order, int startIndex, int count) {
        return keyed(order, where).join(" ", order.orderBy(false))
                .join("", SqlWhere.of(" LIMIT ? OFFSET ?", count, startIndex - 1L));
    }

    /** The rows of one segment of a keyset page, in the page's reading order, without an offset. */
    static SqlWhere segmentSql(SqlWhere where, SqlWhere segment, SortOrder order, boolean backward, int limit) {
        return runSql(where, segment, order, backward, limit, 0);
    }

    /** The rows of one run or segment ({@link SortOrder#runs}) in its reading order, after {@code offset} of them. */
    static SqlWhere runSql(SqlWhere where, SqlWhere run, SortOrder order, boolean backward, int limit, long offset) {
        return keyed(order, where.join(" AND ", run)).join(" ", order.orderWithinSegment(backward))
                .join("", SqlWhere.of(" LIMIT ? OFFSET ?", limit, offset));
    }

    private static SqlWhere keyed(SortOrder order, SqlWhere where) {
        return SqlWhere.of("SELECT " + COLUMNS + ", ").join("", order.key()).join("", where);
    }

    /**
     * A keyset page: the rows next to the query's position, read segment after segment ({@link SortOrder#segments})
     * in the page's direction, one more than asked to know whether more follow; a page read backward is turned
     * round at the end. Each segment is a seek in the sort's index, however far down the list the position is.
     */
    private Page seek(Connection c, ResourceType type, Query q, boolean fewMayMatch, SqlWhere where, SortOrder order,
            int count) throws SQLException {
        boolean back = q.seek().backward();
        List<StoredResource> rows = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        for (SqlWhere segment : order.segments(q.seek())) {
            int want = count + 1 - rows.size();
            if (want <= 0 || count == 0) {
                break;
            }
            Keyed part = null;
            if (fewMayMatch && dialect.sortsFewMatchesApart()) {
                // As on a first page: a search with few matches is found first, then only those are sorted.
                Keyed few = select(c, type, fewMatchesSql(type, where, order, segment, back, want, 0), q.withMembers(),
                        rs -> rs.getLong(6) <= FEW_MATCHES, order, 7);
                part = few.resources().isEmpty() ? null : few;
            }
            if (part == null) {
                part = select(c, type, segmentSql(where, segment, order, back, want), q.withMembers(), null, order, 6);
            }
            rows.addAll(part.resources());
            keys.addAll(part.keys());
        }
        return new Keyed(rows, keys).keysetPage(count, back, Math.max(1, q.startIndex()));
    }

    /**
     * A page of a group's members ({@link MemberPages}, by the plan for its size): without {@code seek}, the page at
     * {@code startIndex}, counted; with it, the page next to that member, one index range in the name order.
     */
    Page members(Connection c, String tenantId, String groupId, SortOrder order, int startIndex, int count,
            Seek seek, int manyMembers) throws SQLException {
        int size = Math.max(0, count);
        long total = seek == null ? Jdbc.oneLong(c, MemberPages.total(tenantId, groupId), 0) : Page.NOT_COUNTED;
        boolean many = (seek == null ? total : Jdbc.oneLong(c, MemberPages.manyProbe(groupId, manyMembers), 0))
                > manyMembers;
        SqlWhere where = MemberPages.from(dialect, order, tenantId, groupId, many);
        if (seek == null) {
            int start = Math.max(1, startIndex);
            if (size == 0 || total < start) {
                return new Page(total, start, List.of());
            }
            Keyed rows = select(c, ResourceType.USER, pageSql(where, order, start, size), false, null, order, 6);
            return rows.page(total, start, false, start - 1L + rows.size() < total);
        }
        SqlWhere segment = order.segments(seek).get(0); // the only one: a userName is never missing
        return select(c, ResourceType.USER, segmentSql(where, segment, order, seek.backward(), size + 1), false, null,
                order, 6).keysetPage(size, seek.backward(), 1);
    }

    List<Long> countEach(Connection c, String tenantId, ResourceType type, List<SqlWhere> filters)
            throws SQLException {
        return countEachOf(c, filters, SqlWhere.of(" FROM " + table(type) + " r WHERE r.tenant_id = ?", tenantId));
    }

    /**
     * As {@link #countEach(Connection, String, ResourceType, List)}, over the rows whose rowid is above {@code after}
     * and at most {@code upTo} (SQLite): a range of the table read in rowid order, no index walked.
     */
    List<Long> countEachInRange(Connection c, String tenantId, ResourceType type, List<SqlWhere> filters, long after,
            long upTo) throws SQLException {
        return countEachOf(c, filters, SqlWhere.of(" FROM " + table(type)
                + " r NOT INDEXED WHERE r.rowid > ? AND r.rowid <= ? AND r.tenant_id = ?", after, upTo, tenantId));
    }

    /** The highest rowid of {@code type}'s table (SQLite), 0 when it is empty: where a count by ranges ends. */
    long lastRowid(Connection c, ResourceType type) throws SQLException {
        return Jdbc.oneLong(c, SqlWhere.of("SELECT COALESCE(MAX(rowid), 0) FROM " + table(type)), 0);
    }

    /** Each filter's count over the rows of {@code from} (a FROM ... WHERE), in one pass. */
    private static List<Long> countEachOf(Connection c, List<SqlWhere> filters, SqlWhere from) throws SQLException {
        // NULL (an attribute a row lacks) falls to ELSE, as it fails a WHERE.
        SqlWhere sql = SqlWhere.of("SELECT COUNT(*)");
        for (SqlWhere f : filters) {
            sql = sql.join(", ", f.wrap("SUM(CASE WHEN (", ") THEN 1 ELSE 0 END)"));
        }
        sql = sql.join("", from);
        List<Long> counts = new ArrayList<>(filters.size());
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            for (int i = 0; i < filters.size(); i++) {
                counts.add(rs.getLong(i + 2)); // SUM over no rows is NULL: read as 0
            }
        }
        return counts;
    }

    /**
     * The page when the filter matches at most {@link #FEW_MATCHES} rows: the matches are found once, then counted
     * and sorted in the same statement; empty when there are more (or the page lies beyond them). Entra's lookups
     * and the console's narrowing searches are answered this way, with one pass instead of a count and a page.
     */
    private Optional<Page> fewMatches(Connection c, ResourceType type, Query q, SqlWhere where, SortOrder order,
            int startIndex, int count) throws SQLException {
        SqlWhere sql = fewMatchesSql(type, where, order, startIndex, count);
        long[] total = {-1};
        Keyed rows = select(c, type, sql, q.withMembers(), rs -> {
            total[0] = rs.getLong(6);
            return total[0] <= FEW_MATCHES;
        }, order, 7);
        if (total[0] < 0 && startIndex == 1) {
            return Optional.of(new Page(0, startIndex, List.of())); // the first page of any match is never empty
        }
        if (total[0] < 0 || total[0] > FEW_MATCHES) {
            return Optional.empty();
        }
        if (total[0] > q.countUpTo()) {
            return Optional.of(rows.page(q.countUpTo(), startIndex, true, true)); // as the bounded count would say
        }
        return Optional.of(rows.page(total[0], startIndex, false, startIndex - 1L + rows.size() < total[0]));
    }

    /**
     * The statement of {@link #fewMatches}: {@code where} is the query's {@code FROM ... WHERE}. Only the matches'
     * rowids are gathered, so that a covering index (users_name_search) can answer the filter without reading a row:
     * gathering whole rows made SQLite walk another index and read every user's row, seconds at a million users for
     * a search that narrows to a few.
     */
    static SqlWhere fewMatchesSql(ResourceType type, SqlWhere where, SortOrder order, int startIndex, int count) {
        return fewMatchesSql(type, where, order, null, false, count, startIndex - 1L);
    }

    /** {@code segment} (may be null): a keyset page's condition on the sorted matches, read in its direction. */
    private static SqlWhere fewMatchesSql(ResourceType type, SqlWhere where, SortOrder order, SqlWhere segment,
            boolean backward, int limit, long offset) {
        SqlWhere matches = where.wrap("WITH m AS MATERIALIZED (SELECT r.rowid AS k", " LIMIT " + (FEW_MATCHES + 1)
                + ") SELECT " + COLUMNS + ", (SELECT COUNT(*) FROM m), ").join("", order.key())
                .join("", SqlWhere.of(" FROM " + table(type) + " r WHERE r.rowid IN (SELECT k FROM m)"));
        if (segment != null) {
            matches = matches.join(" AND ", segment);
        }
        return matches.join(" ", segment == null ? order.orderBy(false) : order.orderWithinSegment(backward))
                .join("", SqlWhere.of(" LIMIT ? OFFSET ?", limit, offset));
    }

    /**
     * Writes the new state of a resource that was computed from the version {@code u.readVersion()}: a new document
     * only if the row is still at that version (else {@link StorageOutcome.Kind#VERSION_CONFLICT}, and the caller
     * computes it again from what is stored now); membership changes, which are row changes that do not depend on
     * what was read, whatever the version unless the update is pinned to it.
     */
    Updated update(Connection c, String tenantId, ResourceType type, String id, Update u) throws SQLException {
        Instant at = now();
        String now = Timestamps.format(at);
        StoredResource written = null;
        if (u.doc() != null) {
            ObjectNode doc = storable(type, u.doc());
            DerivedColumns derived = DerivedColumns.of(type, doc);
            List<Object> params = new ArrayList<>(derived.values());
            String text = write(doc);
            params.addAll(List.of(now, text, id, tenantId, u.readVersion()));
            String sql = "UPDATE " + table(type) + " SET " + String.join(" = ?, ", derived.names())
                    + " = ?, last_modified = ?, version = version + 1, doc = ? WHERE id = ? AND tenant_id = ?"
                    + " AND version = ? RETURNING created";
            String created = updateReturning(c, new SqlWhere(sql, params), derived);
            if (created == null) {
                throw missingOrMoved(c, tenantId, type, id, u.readVersion());
            }
            // The row is what was just written: no need to read it back (issue 21, a PATCH's answer).
            written = new StoredResource(type, id, JsonRoundTrip.keepsTypes(doc) ? doc : read(text),
                    u.readVersion() + 1, Timestamps.parse(created), at, List.of(), List.of());
        } else {
            long stored = storedVersion(c, tenantId, type, id);
            if (u.pinned() && stored != u.readVersion()) {
                throw conflict(id, u.readVersion(), stored);
            }
        }
        MemberDiff members = MemberDiff.NONE;
        if (u.memberChanges() != null && !u.memberChanges().isEmpty()) {
            requireGroup(type);
            members = Memberships.apply(c, tenantId, id, u.memberChanges());
            if (!members.isEmpty() && written == null) {
                String sql = "UPDATE " + table(type) + " SET last_modified = ?, version = version + 1"
                        + " WHERE id = ? AND tenant_id = ?";
                int bumped = u.pinned() ? Jdbc.update(c, sql + " AND version = ?", now, id, tenantId, u.readVersion())
                        : Jdbc.update(c, sql, now, id, tenantId);
                if (bumped != 1) {
                    throw missingOrMoved(c, tenantId, type, id, u.readVersion());
                }
            }
        }
        if (written == null) {
            return new Updated(find(c, tenantId, type, id, u.withMembers())
                    .orElseThrow(() -> new StorageOutcome(StorageOutcome.Kind.NOT_FOUND, id)), members);
        }
        return new Updated(withTheirMemberships(c, type, List.of(written), u.withMembers()).get(0), members);
    }

    /** Deletes the resource and returns it as it was; {@code expectedVersion}, when given, must be the stored one. */
    StoredResource delete(Connection c, String tenantId, ResourceType type, String id, Long expectedVersion)
            throws SQLException {
        StoredResource gone = find(c, tenantId, type, id, false, dialect.lockRow())
                .orElseThrow(() -> new StorageOutcome(StorageOutcome.Kind.NOT_FOUND, id));
        if (expectedVersion != null && expectedVersion != gone.version()) {
            throw conflict(id, expectedVersion, gone.version());
        }
        if (Jdbc.update(c, "DELETE FROM " + table(type) + " WHERE id = ? AND tenant_id = ? AND version = ?",
                id, tenantId, gone.version()) != 1) {
            throw missingOrMoved(c, tenantId, type, id, gone.version());
        }
        return gone;
    }

    private static long storedVersion(Connection c, String tenantId, ResourceType type, String id)
            throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, SqlWhere.of("SELECT version FROM " + table(type)
                + " WHERE id = ? AND tenant_id = ?", id, tenantId)); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new StorageOutcome(StorageOutcome.Kind.NOT_FOUND, id);
            }
            return rs.getLong(1);
        }
    }

    /** Why a write that names a version changed no row: the row is gone, or it moved on. */
    private static StorageOutcome missingOrMoved(Connection c, String tenantId, ResourceType type, String id,
            long expected) throws SQLException {
        try {
            return conflict(id, expected, storedVersion(c, tenantId, type, id));
        } catch (StorageOutcome gone) {
            return gone;
        }
    }

    private static StorageOutcome conflict(String id, long expected, long stored) {
        return new StorageOutcome(StorageOutcome.Kind.VERSION_CONFLICT, id, Long.toString(expected),
                Long.toString(stored));
    }

    /** Columns a query selects after {@link #COLUMNS}, read from each row; false abandons the query. */
    @FunctionalInterface
    private interface ExtraColumns {
        boolean read(ResultSet rs) throws SQLException;
    }

    /** Rows read in a list's order, each with the value it sorts by ({@link SortOrder#key}). */
    private record Keyed(List<StoredResource> resources, List<Object> keys) {
        int size() {
            return resources.size();
        }

        Keyed reversed() {
            return new Keyed(reverse(resources), reverse(keys));
        }

        private static <T> List<T> reverse(List<T> list) {
            List<T> copy = new ArrayList<>(list);
            java.util.Collections.reverse(copy);
            return copy;
        }

        /**
         * The first {@code count} of rows read in a keyset page's direction, one more than asked for to know whether
         * more follow; a page read backward turned round.
         */
        Page keysetPage(int count, boolean backward, int startIndex) {
            int n = Math.min(count, size());
            Keyed page = new Keyed(resources.subList(0, n), keys.subList(0, n));
            return (backward ? page.reversed() : page).page(Page.NOT_COUNTED, startIndex, false, size() > count);
        }

        Page page(long total, int startIndex, boolean moreThanTotal, boolean more) {
            int n = resources.size();
            return new Page(total, startIndex, resources, moreThanTotal, n == 0 ? null : position(0),
                    n == 0 ? null : position(n - 1), more);
        }

        private Directory.Position position(int i) {
            return new Directory.Position(keys.get(i), resources.get(i).id());
        }
    }

    /** Runs the rows' SELECT and attaches memberships of the whole batch with one more query. */
    private List<StoredResource> select(Connection c, ResourceType type, SqlWhere sql, boolean withMembers,
            ExtraColumns extra) throws SQLException {
        return select(c, type, sql, withMembers, extra, null, 0).resources();
    }

    /** {@code keyColumn}: where {@code order}'s key is in each row (0: not selected). */
    private Keyed select(Connection c, ResourceType type, SqlWhere sql, boolean withMembers, ExtraColumns extra,
            SortOrder order, int keyColumn) throws SQLException {
        List<StoredResource> rows = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (extra != null && !extra.read(rs)) {
                    return new Keyed(List.of(), List.of());
                }
                rows.add(row(type, rs));
                if (keyColumn > 0) {
                    keys.add(order.read(rs, keyColumn));
                }
            }
        }
        return new Keyed(withTheirMemberships(c, type, rows, withMembers), keys);
    }

    /** The resource in the current row of a result of {@link #COLUMNS}, without memberships. */
    private StoredResource row(ResourceType type, ResultSet rs) throws SQLException {
        return new StoredResource(type, rs.getString(1), read(rs.getString(2)), rs.getLong(3),
                Timestamps.parse(rs.getString(4)), Timestamps.parse(rs.getString(5)), List.of(), List.of());
    }

    /** {@code rows} with their memberships read in one query: a user's groups, a group's members if asked for. */
    private static List<StoredResource> withTheirMemberships(Connection c, ResourceType type, List<StoredResource> rows,
            boolean withMembers) throws SQLException {
        if (!readsMemberships(type, withMembers)) {
            return rows;
        }
        List<String> ids = rows.stream().map(StoredResource::id).toList();
        if (type == ResourceType.USER) {
            Map<String, List<GroupRef>> groups = Memberships.groupsOf(c, ids);
            return rows.stream().map(r -> withMemberships(r, List.of(), groups.get(r.id()))).toList();
        }
        Map<String, List<Member>> members = Memberships.membersOf(c, ids);
        return rows.stream().map(r -> withMemberships(r, members.get(r.id()), List.of())).toList();
    }

    private static StoredResource withMemberships(StoredResource r, List<Member> members, List<GroupRef> groups) {
        return new StoredResource(r.type(), r.id(), r.doc(), r.version(), r.created(), r.lastModified(),
                List.copyOf(members), List.copyOf(groups));
    }

    /** Runs an UPDATE that returns one column of the row it changed: that column's text, or null if no row changed. */
    private static String updateReturning(Connection c, SqlWhere statement, DerivedColumns derived)
            throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, statement); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw derived.uniquenessViolation();
            }
            throw e;
        }
    }

    private static int execute(Connection c, SqlWhere statement, DerivedColumns derived) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, statement)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw derived.uniquenessViolation();
            }
            throw e;
        }
    }

    /** The document without what lives elsewhere: id, meta and memberships are columns and rows. */
    private static ObjectNode storable(ResourceType type, ObjectNode doc) {
        ObjectNode copy = doc.deepCopy();
        copy.remove(List.of("id", "meta", type == ResourceType.USER ? "groups" : "members"));
        return copy;
    }

    private static void requireGroup(ResourceType type) {
        if (type != ResourceType.GROUP) {
            throw new IllegalArgumentException("only groups have members");
        }
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }

    static String table(ResourceType type) {
        return type == ResourceType.USER ? "users" : "groups";
    }

    private String write(ObjectNode doc) {
        try {
            return mapper.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new StorageException("A document could not be written as JSON", e);
        }
    }

    private ObjectNode read(String json) {
        try {
            return (ObjectNode) mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StorageException("A stored document is not valid JSON", e);
        }
    }
}
