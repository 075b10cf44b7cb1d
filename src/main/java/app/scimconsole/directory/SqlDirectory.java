package app.scimconsole.directory;

import app.scimconsole.domains.DomainRecords;
import app.scimconsole.scim.Filter;
import app.scimconsole.scim.ResourceType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The directory on a SQL database: every operation, written once for both engines, runs as one read or one
 * write transaction of the engine ({@link SqliteDirectory}, {@link PostgresDirectory}), which decides how
 * transactions, locking and connections work. Queries differ only where {@link SqlDialect} says.
 */
public abstract class SqlDirectory implements Directory {
    private final ResourceRows resources;
    /** Above this many members a group's pages walk the name index ({@link MemberPages}); tests lower it. */
    int manyMembers = MemberPages.MANY;
    private final Clock clock;
    private final SqlDialect dialect;
    /**
     * The rows of one part of a count read in parts: at a million users, 100 parts of a few dozen milliseconds each,
     * so that what the count gives way to waits for one part at most; tests lower it.
     */
    int countPartRows = 10_000;
    private final AtomicLong credentialsVersion = new AtomicLong();
    private final SqlDomainRecords domainRecords = new SqlDomainRecords(this);
    private final OAuthStore oauth = new SqlOAuthStore(this);
    private final FederationStore federation = new SqlFederationStore(this);
    private final WebhookStore webhooks = new SqlWebhookStore(this);

    SqlDirectory(SqlDialect dialect, Clock clock) {
        this.dialect = dialect;
        this.clock = clock;
        this.resources = new ResourceRows(new ObjectMapper(), clock, dialect);
    }

    /** Runs {@code work} in a read-only transaction. */
    abstract <T> T read(SqlWork<T> work);

    /**
     * Runs {@code work}, which reads with one statement, on the cheapest path the engine has: a single statement
     * is consistent by itself, so it needs no transaction of its own around it (it joins a write in progress).
     */
    <T> T readOne(SqlWork<T> work) {
        return read(work);
    }

    /** Runs {@code work} in a write transaction and returns once it is durably committed. */
    abstract <T> T write(SqlWork<T> work);

    /**
     * Stores a write's directory events in its transaction {@code c}: numbered there, or kept to be numbered once it
     * committed ({@link PostgresDirectory}); either way durable with the write, and in the feed for any reader after
     * it returns ({@link #numberCommitted}).
     */
    abstract void storeEvents(Connection c, String tenantId, Instant time, List<Event> events,
            List<EventRows.Written> texts) throws SQLException;

    /**
     * Whether this process alone uses the store for {@code purpose} from now until the store closes: on SQLite, once
     * it holds the data folder's file lock of that name, which the operating system releases when its holder dies (a
     * killed process included); on PostgreSQL, which instances share, never.
     */
    boolean holdsAlone(String purpose) {
        return false;
    }

    /**
     * Numbers the events that wait since {@code age} ago or longer for their write to number them (which a crash
     * between the write's commit and its numbering leaves); returns how many. Only PostgreSQL keeps events waiting.
     */
    public int numberWaitingEvents(Duration age) {
        return 0;
    }

    /**
     * Before the tenant's events are read or purged (the feed, a webhook's delivery, backlog and bounds, a new
     * endpoint's starting point, the retention purge): numbers those its writes committed and left waiting, so that
     * the reader sees every write answered before it read. Only PostgreSQL keeps events waiting.
     */
    void numberCommitted(String tenantId) {
    }

    public final SqlDialect dialect() {
        return dialect;
    }


    /** The registered e-mail domains and their check history, in this database's transactions. */
    public DomainRecords domainRecords() {
        return domainRecords;
    }

    /**
     * Moves once a write of domains through this directory has ended: what a reader kept of them may have changed
     * since (another process's writes it does not see).
     */
    public long domainsVersion() {
        return domainRecords.version();
    }

    /** The tenants' OAuth clients and access tokens, in this database's transactions. */
    public OAuthStore oauth() {
        return oauth;
    }

    /** The tenants' workload identity federation trusts and the assertions they have used, in this database. */
    public FederationStore federation() {
        return federation;
    }

    /** The tenants' webhook endpoints and their delivery state, in this database's transactions. */
    public WebhookStore webhooks() {
        return webhooks;
    }

    /** Whether the database answers now (the load balancer's health check). */
    public boolean healthy() {
        try {
            return read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            });
        } catch (RuntimeException e) {
            return false;
        }
    }

    Instant now() {
        return Timestamps.truncate(clock.instant());
    }

    // ---- tenants and tokens -------------------------------------------------------------------

    @Override
    public Optional<Tenant> defaultTenant() {
        return readOne(TenantRows::oldest);
    }

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        return readOne(c -> TenantRows.find(c, tenantId));
    }

    @Override
    public Tenant defaultTenantOrCreate() {
        Optional<Tenant> existing = defaultTenant();
        if (existing.isPresent()) {
            return existing.get();
        }
        return credentialsWrite(c -> {
            Optional<Tenant> meanwhile = TenantRows.oldest(c);
            return meanwhile.isPresent() ? meanwhile.get() : TenantRows.create(c, now());
        });
    }

    @Override
    public Tenant createTenant() {
        return credentialsWrite(c -> TenantRows.create(c, now()));
    }

    @Override
    public void setScimEnabled(String tenantId, boolean enabled) {
        credentialsWrite(c -> {
            TenantRows.setScimEnabled(c, tenantId, enabled);
            return null;
        });
    }

    @Override
    public Token addToken(String tenantId, byte[] hash, Instant revokeOthersAt) {
        return credentialsWrite(c -> TenantRows.addToken(c, tenantId, hash, revokeOthersAt, now()));
    }

    /** A change of tenants or tokens; the version moves only once it is committed, never before. */
    private <T> T credentialsWrite(SqlWork<T> work) {
        try {
            return write(work);
        } finally {
            credentialsVersion.incrementAndGet();
        }
    }

    @Override
    public long credentialsVersion() {
        return credentialsVersion.get();
    }

    @Override
    public Optional<TenantTokens> tenantTokens(String tenantId, Instant now) {
        // One statement, answered alike whether the tenant exists or not (see TenantRows.credentials).
        return readOne(c -> TenantRows.credentials(c, tenantId, now));
    }

    @Override
    public List<Token> activeTokens(String tenantId, Instant now) {
        return readOne(c -> TenantRows.activeTokens(c, tenantId, now));
    }

    @Override
    public void revokeAllTokens(String tenantId) {
        credentialsWrite(c -> {
            TenantRows.revokeAll(c, tenantId, now());
            return null;
        });
    }

    @Override
    public void recordTokenUse(String tokenId, Instant when) {
        credentialsWrite(c -> {
            TenantRows.recordUse(c, tokenId, when);
            return null;
        });
    }

    // ---- admin credentials ------------------------------------------------------------------------

    @Override
    public void addAdminCredential(byte[] hash, String label) {
        write(c -> {
            AdminCredentialRows.add(c, hash, label, now());
            return null;
        });
    }

    @Override
    public int removeAdminCredentials() {
        return write(AdminCredentialRows::removeAll);
    }

    @Override
    public List<byte[]> adminCredentialHashes() {
        return read(AdminCredentialRows::hashes);
    }

    // ---- resources ----------------------------------------------------------------------------

    @Override
    public StoredResource create(String tenantId, ResourceType type, ObjectNode doc, List<String> memberIds,
            Function<StoredResource, Activity> audit) {
        ResourceRows.NewRow row = resources.newRow(tenantId, type, doc);
        List<String> members = memberIds == null ? List.of() : memberIds;
        if (members.isEmpty() && audit != null) {
            // Stored exactly as built (no memberships to read back): its activity entry, history and events are
            // made here, on the request's thread, and the single writer of SQLite only inserts them.
            ActivityRows.Prepared entry = ActivityRows.prepare(audit.apply(row.stored()));
            return write(c -> {
                StoredResource created = resources.insert(c, row, members);
                entry.append(c, now(), this::storeEvents);
                return created;
            });
        }
        return write(c -> audited(c, resources.insert(c, row, members), audit));
    }

    @Override
    public Optional<StoredResource> get(String tenantId, ResourceType type, String id, boolean withMembers) {
        return read(c -> resources.find(c, tenantId, type, id, withMembers));
    }

    @Override
    public Optional<StoredResource> getRow(String tenantId, ResourceType type, String id) {
        return readOne(c -> resources.findRow(c, tenantId, type, id));
    }

    @Override
    public StoredResource withMemberships(StoredResource r, boolean withMembers) {
        if (!ResourceRows.readsMemberships(r.type(), withMembers)) {
            return r;
        }
        return readOne(c -> ResourceRows.withStoredMemberships(c, r, withMembers));
    }

    @Override
    public Page query(String tenantId, ResourceType type, Query query) {
        // Translate before taking a connection: a bad filter or sortBy fails without touching the store.
        SqlWhere filter = query.filter() == null ? null : FilterSql.where(dialect, type, query.filter());
        SortOrder order = SortSql.order(dialect, type, query.sortBy(), query.descending());
        if (query.seek() != null && !order.fits(query.seek().from().key())) {
            throw new IllegalArgumentException("a position of another kind of key than the sort's");
        }
        return read(c -> resources.query(c, tenantId, type, query, filter, order));
    }

    @Override
    public boolean matchesMoreThan(String tenantId, ResourceType type, Filter filter, long limit) {
        SqlWhere where = filter == null ? null : FilterSql.where(dialect, type, filter);
        return read(c -> resources.matchesMoreThan(c, tenantId, type, filter, where, limit));
    }

    @Override
    public Page members(String tenantId, String groupId, int startIndex, int count, Seek seek) {
        SortOrder order = SortSql.order(dialect, ResourceType.USER, MEMBERS_ORDER, false);
        if (seek != null && !order.fits(seek.from().key())) {
            throw new IllegalArgumentException("a position of another kind of key than the sort's");
        }
        return read(c -> resources.members(c, tenantId, groupId, order, startIndex, count, seek, manyMembers));
    }

    @Override
    public List<Long> countEach(String tenantId, ResourceType type, List<Filter> filters) {
        List<SqlWhere> each = filters.stream().map(f -> FilterSql.where(dialect, type, f)).toList();
        return read(c -> resources.countEach(c, tenantId, type, each));
    }

    @Override
    public List<Long> countEach(String tenantId, ResourceType type, List<Filter> filters, Runnable beforeEachPart) {
        if (!dialect.readsRowidRanges()) {
            return countEach(tenantId, type, filters);
        }
        List<SqlWhere> each = filters.stream().map(f -> FilterSql.where(dialect, type, f)).toList();
        long last = read(c -> resources.lastRowid(c, type));
        long[] sums = new long[each.size()];
        for (long after = 0; after < last || after == 0; after += countPartRows) {
            if (after > 0) {
                beforeEachPart.run();
            }
            long from = after;
            List<Long> part = read(c -> resources.countEachInRange(c, tenantId, type, each, from,
                    from + countPartRows));
            for (int i = 0; i < sums.length; i++) {
                sums[i] += part.get(i);
            }
        }
        return Arrays.stream(sums).boxed().toList();
    }

    @Override
    public Map<String, Long> memberCounts(String tenantId, List<String> groupIds) {
        return read(c -> Memberships.countsOf(c, tenantId, groupIds));
    }

    @Override
    public StoredResource update(String tenantId, ResourceType type, String id, Update update,
            Function<Updated, Activity> audit) {
        return write(c -> {
            Updated updated = resources.update(c, tenantId, type, id, update);
            if (audit != null) {
                ActivityRows.append(c, audit.apply(updated), now(), this::storeEvents);
            }
            return updated.resource();
        });
    }

    @Override
    public void delete(String tenantId, ResourceType type, String id, Long expectedVersion,
            Function<StoredResource, Activity> audit) {
        write(c -> audited(c, resources.delete(c, tenantId, type, id, expectedVersion), audit));
    }

    /** Appends the write's activity entry inside the write's own transaction. */
    private StoredResource audited(Connection c, StoredResource written, Function<StoredResource, Activity> audit)
            throws SQLException {
        if (audit != null) {
            ActivityRows.append(c, audit.apply(written), now(), this::storeEvents);
        }
        return written;
    }

    // ---- activity -----------------------------------------------------------------------------

    @Override
    public void log(Activity entry) {
        write(c -> {
            ActivityRows.append(c, entry, now(), this::storeEvents);
            return null;
        });
    }

    @Override
    public List<Activity> activity(String tenantId, int limit) {
        return read(c -> ActivityRows.latest(c, tenantId, limit));
    }

    @Override
    public List<Activity> activityOf(String tenantId, String resourceId, int limit) {
        return read(c -> ActivityRows.about(c, tenantId, resourceId, limit));
    }

    @Override
    public List<String> historyTenants() {
        return read(HistoryRows::tenants);
    }

    @Override
    public int purgeHistory(String tenantId, Instant cutoff) {
        numberCommitted(tenantId); // an old event still waiting for its number is purged with the others
        return write(c -> {
            EventRows.purge(c, tenantId, cutoff);
            return HistoryRows.purge(c, tenantId, cutoff);
        });
    }

    // ---- directory events -------------------------------------------------------------------

    @Override
    public List<Event> events(String tenantId, long afterId, int limit) {
        numberCommitted(tenantId);
        return readOne(c -> EventRows.after(c, tenantId, afterId, limit));
    }

    @Override
    public EventReader addEventReader(String tenantId, byte[] hash, String label) {
        return write(c -> EventReaderRows.add(c, tenantId, hash, label, now()));
    }

    @Override
    public List<EventReader> eventReaders(String tenantId) {
        return readOne(c -> EventReaderRows.of(c, tenantId));
    }

    @Override
    public boolean removeEventReader(String tenantId, String id) {
        return write(c -> EventReaderRows.remove(c, tenantId, id));
    }

    @Override
    public void eventReaderUsed(String tenantId, String id, Instant at) {
        write(c -> EventReaderRows.used(c, tenantId, id, at));
    }

    @Override
    public Optional<Integer> historyRetentionDays(String tenantId) {
        return read(c -> HistoryRows.retentionDays(c, tenantId));
    }

    @Override
    public void setHistoryRetentionDays(String tenantId, int days) {
        write(c -> {
            HistoryRows.setRetentionDays(c, tenantId, days);
            return null;
        });
    }
}
