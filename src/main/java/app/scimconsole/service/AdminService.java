package app.scimconsole.service;


import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminException;
import app.scimconsole.admin.Reason;
import app.scimconsole.directory.Directory.Query;
import app.scimconsole.directory.SortSql;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.directory.Directory.Tenant;
import app.scimconsole.directory.Directory;
import app.scimconsole.directory.UserSummary;
import app.scimconsole.domains.Challenge;
import app.scimconsole.domains.DomainConflictException;
import app.scimconsole.domains.DomainFailure;
import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.DomainNotRegisteredException;
import app.scimconsole.domains.DomainReason;
import app.scimconsole.domains.DomainRecord;
import app.scimconsole.domains.DomainService;
import app.scimconsole.domains.Findings;
import app.scimconsole.domains.RecheckPolicy;
import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.Filter.CompareOp;
import app.scimconsole.scim.Filter.Literal;
import app.scimconsole.scim.Filter;
import app.scimconsole.scim.FilterParser;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.Schemas;
import app.scimconsole.scim.StorableText;
import app.scimconsole.scim.ScimException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The admin API's operations, in-process: what the console asks of the service. The HTTP admin endpoint
 * serves exactly this object, so embedded and remote consoles see the same answers.
 */
public final class AdminService implements AdminApi {
    private static final int MAX_PAGE = 1000;
    /**
     * A filtered list of users counts this many matches beyond its page and stops: enough for the owner to page
     * on (ten pages), and the count costs the same at a million users as at ten thousand. It was 10,000: the count of
     * a search that many users match ("user-4" at a million) was then the costliest part of its keystroke (11 ms of
     * CPU on SQLite, 149 ms at 100,000 users on PostgreSQL, which read every user for it), for a total the owner
     * reads as "more than".
     */
    static final int COUNT_BEYOND_PAGE = 1_000;
    private static final int ACTIVITY_SCAN = 5000;
    /** args: the minutes asked for */
    static final String OVERLAP_OUT_OF_RANGE = "admin.overlapOutOfRange";
    /** args: the method asked for */
    static final String UNKNOWN_AUTH_METHOD = "admin.unknownAuthMethod";
    /** args: the days asked for, the fewest, the most */
    static final String SECRET_EXPIRY_OUT_OF_RANGE = "admin.secretExpiryOutOfRange";
    /** args: the client id */
    static final String UNKNOWN_OAUTH_CLIENT = "admin.unknownOAuthClient";
    /** args: the client id */
    static final String UNKNOWN_CLIENT_SECRET = "admin.unknownClientSecret";
    static final String SCIM_NOT_ENABLED = "admin.scimNotEnabled";
    private static final Set<String> AUTH_METHODS = Set.of(METHOD_SECRET_TOKEN, METHOD_OAUTH_CLIENT,
            METHOD_FEDERATION);
    /** args: the attribute asked for */
    static final String UNKNOWN_SORT = "admin.unknownSort";
    /** args: the user's id */
    static final String USER_GONE = "admin.userGone";
    /** args: the entry's English text. An entry written before entries carried their reasons as data. */
    static final String LEGACY_ENTRY = "activity.legacy";
    /** The log's entries of Entra's requests (not the owner's actions on the SCIM app, nor refused sign-ins). */
    private static final Set<String> ENTRA_OPERATIONS = Arrays.stream(Provisioning.Operation.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> USER_SORTS = Set.of("userName", "displayName", "title", "externalId",
            "meta.created", "meta.lastModified", "active", "emails.value", "name.familyName", "name.givenName",
            Schemas.ENTERPRISE_URN + ":department");

    private final Directory directory;
    private final DomainService domains;
    private final TenantAdmin tenants;
    private final TenantUrls tenantUrls;
    private final TenantUrls tokenEndpoints;
    private final OAuthClients oauthClients;
    private final TrafficTracker trafficTracker;
    private final ConsoleTestTags consoleTests;
    private final Clock clock;
    private final Map<String, List<TrafficTracker.Cycle>> loggedCycles = new java.util.concurrent.ConcurrentHashMap<>();
    private final PacedCounts userCounts = new PacedCounts();
    /** The owner's reads of the directory's lists and records, which the overview's count of every user gives way to. */
    private final OwnerReads ownerReads = new OwnerReads();
    private final ActivityRecorder activity;
    private final HistoryRetention retention;
    private final TenantUrls eventsUrls;
    private final EventReaders eventReaders;
    private final FederationTrusts federation;
    private final Webhooks webhooks;
    private final UnindexedSorts sorts;
    /** args: the client id asked for */
    static final String NO_SUCH_TRUST = "admin.federation.noSuchTrust";
    /** A trust is added to an enabled SCIM app only. */
    static final String APP_NOT_ENABLED = "admin.federation.appNotEnabled";

    public AdminService(Directory directory, DomainService domains, TenantUrls tenantUrls, TenantUrls tokenEndpoints,
            OAuthClients oauthClients, TenantUrls eventsUrls, TrafficTracker traffic, ConsoleTestTags consoleTests,
            ActivityRecorder activity, HistoryRetention retention, FederationTrusts federation, Webhooks webhooks,
            UnindexedSorts sorts, Clock clock) {
        this.sorts = sorts;
        this.webhooks = webhooks;
        this.tokenEndpoints = tokenEndpoints;
        this.oauthClients = oauthClients;
        this.eventsUrls = eventsUrls;
        this.eventReaders = new EventReaders(directory);
        this.federation = federation;
        this.activity = activity;
        this.retention = retention;
        this.consoleTests = consoleTests;
        this.trafficTracker = traffic;
        this.directory = directory;
        this.domains = domains;
        this.tenants = new TenantAdmin(directory, clock);
        this.tenantUrls = tenantUrls;
        this.clock = clock;
    }

    private Tenant tenant() {
        return tenants.tenant();
    }

    // ---- event feed readers ----------------------------------------------------------------------

    @Override
    public List<EventReaderEntry> eventReaders() {
        return eventReaders.list(tenant().id()).stream()
                .map(r -> new EventReaderEntry(r.id(), r.label(), r.created(), r.lastUsed())).toList();
    }

    @Override
    public IssuedEventReader issueEventReader(String label) {
        String tenantId = tenant().id();
        EventReaders.Issued issued = eventReaders.issue(tenantId, label);
        return new IssuedEventReader(issued.id(), eventsUrls.of(tenantId), issued.credential());
    }

    @Override
    public void revokeEventReader(String id) {
        if (!eventReaders.revoke(tenant().id(), id)) {
            throw new AdminException(404, "There is no event reader " + StorableText.printable(id) + ".",
                    Reason.of(EventReaders.UNKNOWN_READER, StorableText.printable(id)));
        }
    }

    // ---- overview ----------------------------------------------------------------------------

    @Override
    public Overview overview() {
        Tenant t = tenant();
        // The store answered: an outage of an unreachable database is over (and goes to the tenant's log).
        activity.served(t.id(), false);
        Instant created = null;
        Instant lastUsed = null;
        List<Directory.Token> live = directory.activeTokens(t.id(), clock.instant());
        List<AdminApi.TokenInfo> tokens = live.stream()
                .sorted(java.util.Comparator.comparing(Directory.Token::created).reversed())
                .map(k -> new AdminApi.TokenInfo(k.created(), k.lastUsed(), k.expires())).toList();
        for (Directory.Token token : live) {
            if (created == null || token.created().isAfter(created)) {
                created = token.created();
            }
            if (token.lastUsed() != null && (lastUsed == null || token.lastUsed().isAfter(lastUsed))) {
                lastUsed = token.lastUsed();
            }
        }
        OwnerReads.GiveWay giveWay = ownerReads.givingWay();
        List<Long> counts = userCounts.of(t.id(), giveWay::waitedNanos,
                () -> directory.countEach(t.id(), ResourceType.USER, OVERVIEW_COUNTS, giveWay));
        long active = counts.get(0);
        long suspended = counts.get(1);
        long groups = directory.query(t.id(), ResourceType.GROUP, new Query(null, null, false, 1, 0, false)).totalResults();
        MappingCoverage coverage = new MappingCoverage(active + suspended, counts.get(2), counts.get(3), counts.get(4),
                counts.get(5), counts.get(6));
        Instant dayAgo = clock.instant().minus(Duration.ofDays(1));
        long rejected = 0;
        Set<String> refusedDomains = new LinkedHashSet<>();
        for (Directory.Activity a : directory.activity(t.id(), ACTIVITY_SCAN)) {
            if (a.time().isBefore(dayAgo)) {
                break;
            }
            if (ActivityRecorder.REJECTED.equals(a.outcome())) {
                rejected++;
                if (Rejections.DOMAIN_NOT_VERIFIED.equals(a.code()) && !a.args().isEmpty()) {
                    refusedDomains.add(a.args().get(0));
                }
            }
        }
        // A warning about a refused domain lasts only while its cause does: once verified, Entra's next cycle
        // provisions those users, and the warning would say something no longer true.
        List<String> unverified = refusedDomains.stream().filter(d -> !domains.isVerified(t.id(), d)).toList();
        // Entra's own requests only: the token's last use also counts the console's connection tests, and a
        // request that was not Entra's must never make the setup believe that Entra has called.
        List<TrafficTracker.Cycle> seen = entraCycles(t.id());
        Instant lastRequest = seen.isEmpty() ? null : seen.get(0).end();
        List<OAuthClientInfo> clients = oauthClients.list().stream().map(c -> new OAuthClientInfo(c.clientId(),
                c.createdAt(), c.secrets().stream().map(x -> new ClientSecretInfo(x.id(), x.createdAt(), x.expiresAt(),
                        x.lastUsedAt())).toList())).toList();
        return new Overview(t.id(), tenantUrls.of(t.id()), t.scimEnabled(), created, lastUsed, lastRequest, active,
                suspended, groups, rejected, coverage, unverified, tokens, activity.outageUnderWay(),
                oauthClients.authMethod(t.id()), tokenEndpoints.of(t.id()), clients, federationTrusts());
    }

    @Override
    public StorageState storageState() {
        // The tenant's row is read as the overview's first read is: an unreachable database is refused here alike.
        Tenant t = tenant();
        activity.served(t.id(), false);
        return new StorageState(activity.outageUnderWay());
    }

    /** The overview's counts of users: active, suspended, then those carrying each attribute Entra maps. */
    private static final List<Filter> OVERVIEW_COUNTS = List.of(eq("active", new Literal.Bool(true)),
            eq("active", new Literal.Bool(false)), present("userName"), present("displayName"), present("title"),
            FilterParser.parseFilter("emails[type eq \"work\" and value pr]"),
            new Filter.Present(new AttrPath(Schemas.ENTERPRISE_URN, "department", null)));

    private static Filter eq(String attr, Literal value) {
        return new Filter.Compare(AttrPath.of(attr), CompareOp.EQ, value);
    }

    private static Filter present(String attr) {
        return new Filter.Present(AttrPath.of(attr));
    }

    // ---- the SCIM app ------------------------------------------------------------------------

    @Override
    public Credentials enableScim() {
        TenantAdmin.Credentials c = tenants.enable();
        return new Credentials(tenantUrls.of(c.tenantId()), c.secretToken());
    }

    @Override
    public String rotateToken(int overlapMinutes) {
        if (overlapMinutes < 0 || overlapMinutes > 7 * 24 * 60) {
            throw new AdminException(400, "The overlap must be between 0 minutes and one week.",
                    Reason.of(OVERLAP_OUT_OF_RANGE, overlapMinutes));
        }
        return tenants.rotate(Duration.ofMinutes(overlapMinutes)).secretToken();
    }

    @Override
    public void setAuthMethod(String method) {
        if (method == null || !AUTH_METHODS.contains(method)) {
            throw new AdminException(400, "'" + method + "' is not an authentication method of this service.",
                    Reason.of(UNKNOWN_AUTH_METHOD, String.valueOf(method)));
        }
        oauthClients.setAuthMethod(tenant().id(), method);
    }

    @Override
    public NewClientSecret addOAuthClient(int expiryDays) {
        checkSecretExpiry(expiryDays);
        return shown(oauthClients.add(expiryDays));
    }

    @Override
    public NewClientSecret rotateOAuthSecret(String clientId, int expiryDays) {
        checkSecretExpiry(expiryDays);
        try {
            return shown(oauthClients.rotate(clientId, expiryDays));
        } catch (IllegalArgumentException noSuchClient) {
            throw new AdminException(404, "No OAuth client " + clientId + ".", Reason.of(UNKNOWN_OAUTH_CLIENT, clientId));
        }
    }

    @Override
    public void retireOAuthSecret(String clientId, String secretId) {
        enabledOnly();
        if (!oauthClients.retireSecret(clientId, secretId)) {
            throw new AdminException(404, "OAuth client " + clientId + " has no such live client secret.",
                    Reason.of(UNKNOWN_CLIENT_SECRET, clientId));
        }
    }

    @Override
    public void removeOAuthClient(String clientId) {
        if (!oauthClients.remove(clientId)) {
            throw new AdminException(404, "No OAuth client " + clientId + ".", Reason.of(UNKNOWN_OAUTH_CLIENT, clientId));
        }
    }

    private NewClientSecret shown(OAuthClients.NewSecret s) {
        return new NewClientSecret(tenantUrls.of(s.tenantId()), tokenEndpoints.of(s.tenantId()), s.clientId(),
                s.clientSecret(), s.expiresAt());
    }

    private void checkSecretExpiry(int days) {
        enabledOnly();
        if (days < OAuthClients.MIN_EXPIRY_DAYS || days > OAuthClients.MAX_EXPIRY_DAYS) {
            throw new AdminException(400, "A client secret expires after 365 to 1095 days.",
                    Reason.of(SECRET_EXPIRY_OUT_OF_RANGE, days, OAuthClients.MIN_EXPIRY_DAYS,
                            OAuthClients.MAX_EXPIRY_DAYS));
        }
    }

    /** Client secrets belong to an enabled SCIM app: said as a reason, not as the CLI's sentence. */
    private void enabledOnly() {
        if (!tenant().scimEnabled()) {
            throw new AdminException(409, "The SCIM app is not enabled.", Reason.of(SCIM_NOT_ENABLED));
        }
    }

    @Override
    public String connectionTestTag() {
        return consoleTests.issue();
    }

    @Override
    public void disableScim() {
        tenants.disable();
    }

    // ---- users and groups --------------------------------------------------------------------

    @Override
    public UserPage users(UserQuery q) {
        return ownerReads.read(() -> usersPage(q));
    }

    private UserPage usersPage(UserQuery q) {
        if (!storable(q.search()) || !storable(q.domain())) {
            return new UserPage(0, Math.max(1, q.startIndex()), List.of());
        }
        List<Filter> parts = new ArrayList<>();
        if (q.search() != null && !q.search().isBlank()) {
            // userName and displayName have columns of their own; e-mail addresses live inside the JSON document,
            // and scanning those on every keystroke is what would make search-as-you-type slow at 100k users.
            // Entra's userName is the user's UPN, which is where an owner looks for an address.
            Literal s = new Literal.Str(q.search().strip());
            parts.add(new Filter.Or(new Filter.Compare(AttrPath.of("userName"), CompareOp.CO, s),
                    new Filter.Compare(AttrPath.of("displayName"), CompareOp.CO, s)));
        }
        if (q.status() == UserStatus.ACTIVE || q.status() == UserStatus.SUSPENDED) {
            parts.add(eq("active", new Literal.Bool(q.status() == UserStatus.ACTIVE)));
        }
        if (q.domain() != null && !q.domain().isBlank()) {
            Literal at = new Literal.Str("@" + q.domain().strip().toLowerCase(Locale.ROOT));
            parts.add(new Filter.Or(new Filter.Compare(AttrPath.of("userName"), CompareOp.EW, at),
                    new Filter.Compare(AttrPath.of("emails", "value"), CompareOp.EW, at)));
        }
        Filter filter = parts.stream().reduce(Filter.And::new).orElse(null);
        AttrPath sort = null;
        if (q.sortBy() != null && !q.sortBy().isBlank()) {
            if (!USER_SORTS.contains(q.sortBy())) {
                throw new AdminException(400, "Users cannot be sorted by '" + q.sortBy() + "'.",
                        Reason.of(UNKNOWN_SORT, q.sortBy()));
            }
            sort = FilterParser.parseAttrPath(q.sortBy());
        }
        Tenant t = tenant();
        sorts.check(t.id(), ResourceType.USER, filter, sort, q.sortBy()); // a first page and a cursor's alike
        String query = PageCursor.queryOf("users", q.search(), q.status(), q.domain(), q.sortBy(), q.descending());
        return userPage(t, filter, sort, q.descending(), q.startIndex(), q.count(), q.cursor(), query);
    }

    /**
     * A page of users: the first (or {@code startIndex}'s, for older callers) counted and found by offset; a
     * {@code cursor}'s found next to the row it names, and not counted again (its total is the first page's).
     */
    private UserPage userPage(Tenant t, Filter filter, AttrPath sort, boolean descending, int startIndex, int count,
            String cursor, String query) {
        int size = pageSize(count);
        PageCursor.Read read = PageCursor.read(cursor, query, startIndex, size,
                key -> SortSql.fitsKey(ResourceType.USER, sort, descending, key), (seek, start) -> {
                    Query first = new Query(filter, sort, descending, start, size, false,
                            start - 1L + size + COUNT_BEYOND_PAGE);
                    return directory.query(t.id(), ResourceType.USER, seek == null ? first : first.seeking(seek));
                });
        return userPage(read);
    }

    private UserPage userPage(PageCursor.Read read) {
        List<UserRow> rows = read.page().resources().stream().map(AdminService::row).toList();
        return new UserPage(read.total(), read.startIndex(), rows, read.moreThanTotal(), read.next(), read.previous());
    }

    private static int pageSize(int count) {
        return Math.max(0, Math.min(MAX_PAGE, count));
    }

    private static UserRow row(StoredResource r) {
        UserSummary s = UserSummary.of(r);
        List<String> groups = r.groups().stream().map(g -> g.display() == null ? g.value() : g.display()).toList();
        return new UserRow(s.id(), s.userName(), s.displayName(), s.email(), s.title(), s.department(), s.active(),
                !DomainPolicy.identityDomains(r.doc()).isEmpty(), groups, r.lastModified());
    }

    @Override
    public UserDetail user(String id) {
        return ownerReads.read(() -> userDetail(id));
    }

    private UserDetail userDetail(String id) {
        StoredResource r = (storable(id) ? directory.get(tenant().id(), ResourceType.USER, id, false)
                : Optional.<StoredResource>empty())
                .orElseThrow(() -> new AdminException(404, "This user no longer exists (Entra may have deleted it).",
                        Reason.of(USER_GONE, id)));
        ObjectNode d = r.doc();
        JsonNode ext = d.path(Schemas.ENTERPRISE_URN);
        UserRow row = row(r);
        // The last change of a suspended user is its suspension, or a later edit of an already suspended user.
        Instant suspendedSince = row.active() ? null : r.lastModified();
        ResourceRenderer renderer = new ResourceRenderer(tenantUrls.of(tenant().id()));
        return new UserDetail(row, text(d.path("name"), "givenName"), text(d.path("name"), "familyName"),
                text(ext, "employeeNumber"), text(ext.path("manager"), "value"), r.created(), suspendedSince,
                renderer.render(r, false).toPrettyString());
    }

    /**
     * Whether a search text could match anything: a text with a character no stored value can hold (see
     * {@link StorableText}) matches nothing, and PostgreSQL would refuse it in a query, so it is not asked.
     */
    private static boolean storable(String searched) {
        return searched == null || StorableText.isStorable(searched);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    @Override
    public GroupPage groups(GroupQuery q) {
        return ownerReads.read(() -> groupPage(q));
    }

    private GroupPage groupPage(GroupQuery q) {
        if (!storable(q.search())) {
            return new GroupPage(0, Math.max(1, q.startIndex()), List.of());
        }
        Tenant t = tenant();
        String search = q.search() == null || q.search().isBlank() ? null : q.search().strip();
        Filter filter = search == null ? null
                : new Filter.Compare(AttrPath.of("displayName"), CompareOp.CO, new Literal.Str(search));
        AttrPath sort = AttrPath.of("displayName");
        int size = pageSize(q.count());
        PageCursor.Read read = PageCursor.read(q.cursor(), PageCursor.queryOf("groups", search), q.startIndex(), size,
                key -> SortSql.fitsKey(ResourceType.GROUP, sort, false, key), (seek, start) -> {
                    Query first = new Query(filter, sort, false, start, size, false);
                    return directory.query(t.id(), ResourceType.GROUP, seek == null ? first : first.seeking(seek));
                });
        List<StoredResource> groups = read.page().resources();
        Map<String, Long> counts = directory.memberCounts(t.id(), groups.stream().map(StoredResource::id).toList());
        List<GroupRow> rows = new ArrayList<>();
        for (StoredResource g : groups) {
            rows.add(new GroupRow(g.id(), text(g.doc(), "displayName"), text(g.doc(), "externalId"),
                    counts.getOrDefault(g.id(), 0L), g.lastModified()));
        }
        return new GroupPage(read.total(), read.startIndex(), rows, read.next(), read.previous());
    }

    @Override
    public UserPage groupMembers(String groupId, int startIndex, int count, String cursor) {
        return ownerReads.read(() -> memberPage(groupId, startIndex, count, cursor));
    }

    private UserPage memberPage(String groupId, int startIndex, int count, String cursor) {
        if (!storable(groupId)) {
            return new UserPage(0, Math.max(1, startIndex), List.of());
        }
        Tenant t = tenant();
        return userPage(PageCursor.read(cursor, PageCursor.queryOf("members", groupId), startIndex, pageSize(count),
                key -> SortSql.fitsKey(ResourceType.USER, Directory.MEMBERS_ORDER, false, key),
                (seek, start) -> directory.members(t.id(), groupId, start, pageSize(count), seek)));
    }

    @Override
    public Traffic traffic() {
        String tenantId = tenant().id();
        boolean fromLog = trafficTracker.cycles(tenantId).isEmpty();
        List<TrafficTracker.Cycle> seen = entraCycles(tenantId);
        List<Cycle> cycles = seen.stream().map(c -> new Cycle(c.start(), c.end(), c.requests(), c.rejected(), fromLog))
                .toList();
        return seen.isEmpty() ? new Traffic(null, null, cycles)
                : new Traffic(seen.get(0).end(), seen.get(0).nextExpected(), cycles);
    }

    /**
     * Entra's cycles as this service saw them; after a restart, until Entra calls again, as the activity log
     * remembers them (read once: until Entra calls, nothing of Entra's is added to it).
     */
    private List<TrafficTracker.Cycle> entraCycles(String tenantId) {
        List<TrafficTracker.Cycle> live = trafficTracker.cycles(tenantId);
        if (!live.isEmpty()) {
            return live;
        }
        return loggedCycles.computeIfAbsent(tenantId, id -> {
            List<TrafficTracker.Logged> requests = new ArrayList<>();
            for (Directory.Activity a : directory.activity(id, ACTIVITY_SCAN)) {
                if (ENTRA_OPERATIONS.contains(a.operation())) {
                    requests.add(new TrafficTracker.Logged(a.time(), ActivityRecorder.REJECTED.equals(a.outcome())));
                }
            }
            java.util.Collections.reverse(requests);
            return TrafficTracker.replay(requests);
        });
    }

    // ---- activity ----------------------------------------------------------------------------

    @Override
    public List<ActivityEntry> activity(ActivityQuery q) {
        int limit = Math.max(1, Math.min(10_000, q.limit()));
        String text = q.text() == null ? "" : q.text().strip().toLowerCase(Locale.ROOT);
        List<ActivityEntry> out = new ArrayList<>();
        for (Directory.Activity a : directory.activity(tenant().id(), text.isEmpty() && q.outcome() == Outcome.ANY ? limit : ACTIVITY_SCAN * 4)) {
            if (q.outcome() == Outcome.SUCCESS && !ActivityRecorder.SUCCESS.equals(a.outcome())
                    || q.outcome() == Outcome.REJECTED && !ActivityRecorder.REJECTED.equals(a.outcome())) {
                continue;
            }
            if (!text.isEmpty() && !contains(a, text)) {
                continue;
            }
            out.add(entryOf(a));
            if (out.size() == limit) {
                break;
            }
        }
        return out;
    }

    @Override
    public List<ActivityEntry> history(String resourceId, int limit) {
        return ownerReads.read(() -> historyOf(resourceId, limit));
    }

    private List<ActivityEntry> historyOf(String resourceId, int limit) {
        if (resourceId == null || resourceId.isBlank() || PathIds.namesNothing(resourceId)) {
            throw new AdminException(400, "Give the id of a user or group.", Reason.of("admin.resourceIdMissing"));
        }
        return directory.activityOf(tenant().id(), resourceId, Math.max(1, Math.min(10_000, limit))).stream()
                .map(AdminService::entryOf).toList();
    }

    @Override
    public int historyRetentionDays() {
        return retention.days(tenant().id());
    }

    @Override
    public int setHistoryRetentionDays(int days) {
        String tenantId = tenant().id();
        retention.setDays(tenantId, days);
        return retention.days(tenantId);
    }

    private static ActivityEntry entryOf(Directory.Activity a) {
        AdminApi.AttributeHistory history = a.history() == null ? null : new AdminApi.AttributeHistory(
                a.history().requestId(), a.history().changes().stream()
                .map(c -> new AdminApi.AttributeChange(c.attribute(), c.before(), c.after())).toList());
        return new ActivityEntry(a.seq(), a.time(), a.operation(), a.resource(), a.resourceId(), a.userName(),
                a.outcome(), reasonOf(a), a.detail(), a.clientAddress(), history);
    }

    /** An entry's reason; one written by an earlier version has only its English text, which becomes the argument. */
    static Reason reasonOf(Directory.Activity a) {
        return a.code() != null ? new Reason(a.code(), a.args())
                : Reason.of(LEGACY_ENTRY, a.detail() == null ? "" : a.detail());
    }

    private static boolean contains(Directory.Activity a, String text) {
        List<String> fields = new ArrayList<>(Arrays.asList(a.operation(), a.resource(), a.userName(), a.detail(),
                a.resourceId()));
        fields.addAll(a.args());
        for (String field : fields) {
            if (field != null && field.toLowerCase(Locale.ROOT).contains(text)) {
                return true;
            }
        }
        return false;
    }

    // ---- domains -----------------------------------------------------------------------------

    @Override
    public List<DomainEntry> domains() {
        return domains.list(tenant().id()).stream().map(AdminService::entry).toList();
    }

    @Override
    public DomainEntry addDomain(String name) {
        try {
            return entry(domains.add(tenant().id(), name));
        } catch (DomainFailure e) {
            throw refusal(e);
        }
    }

    @Override
    public DomainEntry verifyDomain(String name) {
        try {
            return entry(domains.verify(tenant().id(), name).record());
        } catch (DomainFailure e) {
            throw refusal(e);
        }
    }

    @Override
    public void removeDomain(String name) {
        try {
            if (!domains.remove(tenant().id(), name)) {
                throw new DomainNotRegisteredException(DomainName.lookup(name));
            }
        } catch (DomainFailure e) {
            throw refusal(e);
        }
    }

    // ---- webhooks -------------------------------------------------------------------------------

    @Override
    public List<WebhookEntry> webhooks() {
        return webhooks.list(tenant().id()).stream().map(h -> new WebhookEntry(h.id(), h.url(), h.eventTypes(),
                h.created(), h.lastSuccess(), h.failingSince(), h.state().name(), h.backlog(), h.lastError())).toList();
    }

    @Override
    public WebhookAdded addWebhook(String url, List<String> events) {
        try {
            Webhooks.Added added = webhooks.add(tenant().id(), url, events);
            return new WebhookAdded(added.id(), added.secret());
        } catch (WebhookInputException e) {
            throw new AdminException(400, e.getMessage(), e.why());
        }
    }

    @Override
    public void removeWebhook(String id) {
        if (!webhooks.remove(tenant().id(), id)) {
            throw unknownWebhook(id);
        }
    }

    @Override
    public WebhookReplayed replayWebhook(String id, String after) {
        try {
            Webhooks.Replayed r = webhooks.replay(tenant().id(), id, after).orElseThrow(() -> unknownWebhook(id));
            return new WebhookReplayed(r.id(), Long.toString(r.after()), Long.toString(r.oldestKept()), r.eventsLost(),
                    r.backlog());
        } catch (WebhookInputException e) {
            throw new AdminException(400, e.getMessage(), e.why());
        }
    }

    @Override
    public WebhookSecretRotated rotateWebhookSecret(String id) {
        Webhooks.Rotated r = webhooks.rotateSecret(tenant().id(), id).orElseThrow(() -> unknownWebhook(id));
        return new WebhookSecretRotated(r.id(), r.secret(), r.previousValidUntil());
    }

    private static AdminException unknownWebhook(String id) {
        return new AdminException(404, "There is no webhook endpoint " + id + ".",
                Reason.of(Webhooks.UNKNOWN_ENDPOINT, StorableText.printable(String.valueOf(id))));
    }

    // ---- workload identity federation ---------------------------------------------------------

    @Override
    public List<FederationTrust> federationTrusts() {
        return federation.list().stream().map(t -> new FederationTrust(t.clientId(), t.entraTenant(), t.subject(),
                t.audience(), t.keysUrl(), t.createdAt(), t.lastUsedAt())).toList();
    }

    @Override
    public FederationTrustAdded addFederationTrust(NewFederationTrust trust) {
        tenant();
        try {
            FederationTrusts.Added added = federation.add(trust.entraTenant(), trust.subject(), trust.audience(),
                    trust.keysUrl());
            return new FederationTrustAdded(tokenEndpoints.of(added.tenantId()), added.clientId(), added.keysUrl());
        } catch (FederationInputException e) {
            throw new AdminException(400, e.getMessage(), e.why());
        } catch (IllegalStateException e) {
            throw new AdminException(409, e.getMessage(), Reason.of(APP_NOT_ENABLED));
        }
    }

    @Override
    public void removeFederationTrust(String clientId) {
        if (!federation.remove(clientId)) {
            throw new AdminException(404, "There is no federation trust " + clientId + ".",
                    Reason.of(NO_SUCH_TRUST, clientId));
        }
    }

    /** A domain operation's refusal with its reason, which the console says in the owner's language. */
    private static AdminException refusal(DomainFailure e) {
        int status = e instanceof DomainNotRegisteredException ? 404 : e instanceof DomainConflictException ? 409 : 400;
        return new AdminException(status, e.getMessage(), reason(e.reason()));
    }

    private static DomainEntry entry(DomainRecord d) {
        Challenge c = d.challenge();
        Findings f = d.findings();
        return new DomainEntry(d.domain().ascii(), Challenge.RECORD_TYPE, c.recordName(), c.recordValue(),
                d.status().name(), f == null ? null : reason(f.summary()),
                f == null ? List.of() : f.diagnoses().stream().map(x -> new DomainDiagnosis(x.kind().name(),
                        reason(x.problem()), reason(x.fix()))).toList(),
                d.lastChecked(), d.state().nextCheck(), d.state().verifiedAt(),
                d.state().lostSince() == null ? null : d.state().lostSince().plus(RecheckPolicy.GRACE));
    }

    private static Reason reason(DomainReason r) {
        return new Reason(r.code().code(), r.args());
    }

    /** Turns a SCIM-layer failure (e.g. a bad filter built from user input) into an admin error. */
    static AdminException asAdmin(ScimException e) {
        return new AdminException(e.status(), e.detail(), Rejections.reasonOf(e));
    }
}
