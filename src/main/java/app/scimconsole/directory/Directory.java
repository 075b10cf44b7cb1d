package app.scimconsole.directory;

import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.Filter;
import app.scimconsole.scim.MemberChange;
import app.scimconsole.scim.ResourceType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The persistent directory: tenants, their secret tokens, users, groups, memberships and the activity log.
 * Every method is one transaction. Resource documents are SCIM JSON without {@code id}, {@code meta},
 * {@code groups} (users) and {@code members} (groups): those live in columns and tables of their own.
 */
public interface Directory extends AutoCloseable {

    // ---- tenants and tokens -------------------------------------------------------------------

    record Tenant(String id, boolean scimEnabled, Instant created) {
    }

    /** Token metadata; the secret itself is never stored, only {@code hash}. */
    record Token(String id, String tenantId, byte[] hash, Instant created, Instant lastUsed, Instant expires) {
    }

    /** The first tenant created in this store (the embedded and single-organization case), if any. */
    Optional<Tenant> defaultTenant();

    Optional<Tenant> tenant(String tenantId);

    Tenant createTenant();

    /**
     * The first tenant, created in the same write transaction when there is none: two callers at once (the console's
     * first read and an "enable", or two processes on one SQLite file) never make two.
     */
    Tenant defaultTenantOrCreate();

    void setScimEnabled(String tenantId, boolean enabled);

    /** Adds a token; when {@code revokeOthersAt} is not null, other tokens of the tenant expire then. */
    Token addToken(String tenantId, byte[] hash, Instant revokeOthersAt);

    /** A tenant with its live tokens, read together: what every SCIM request checks. */
    record TenantTokens(Tenant tenant, List<Token> tokens) {
    }

    /** The tenant and its tokens live at {@code now}, in one read; empty when the tenant does not exist. */
    Optional<TenantTokens> tenantTokens(String tenantId, Instant now);

    /**
     * A number that moves after every change this store makes to tenants or tokens, so that a reader of
     * {@link #tenantTokens} may keep what it read until it moves. Changes made by another process (the CLI, or
     * another instance on PostgreSQL) do not move it.
     */
    long credentialsVersion();

    /** Tokens of the tenant that have not expired at {@code now}. */
    List<Token> activeTokens(String tenantId, Instant now);

    void revokeAllTokens(String tenantId);

    void recordTokenUse(String tokenId, Instant when);

    // ---- admin credentials ------------------------------------------------------------------------

    /** Stores the digest of a credential for a remote console's admin API; the credential itself is never stored. */
    void addAdminCredential(byte[] hash, String label);

    /** Removes every stored admin credential; returns how many there were. */
    int removeAdminCredentials();

    /** The digests of the stored admin credentials. */
    List<byte[]> adminCredentialHashes();

    // ---- resources ----------------------------------------------------------------------------

    /** A stored user or group. {@code members} is filled for groups when asked for, else empty. */
    record StoredResource(ResourceType type, String id, ObjectNode doc, long version, Instant created,
            Instant lastModified, List<Member> members, List<GroupRef> groups) {
    }

    record Member(String value, String type, String display) {
    }

    record GroupRef(String value, String display) {
    }

    /**
     * A list query. {@code filter} may be null (all); {@code sortBy} may be null (creation order);
     * {@code startIndex} is 1-based; {@code count} 0 returns no resources, only the total.
     * {@code countUpTo}: a filtered query counts its matches only up to this many ({@link Page#moreThanTotal}
     * says when it stopped); {@link #EXACT} counts them all, as SCIM's totalResults must.
     * {@code seek} (may be null): a keyset page, which starts next to a row instead of at {@code startIndex}, and
     * is not counted (its caller counted the query once, on its first page).
     */
    record Query(Filter filter, AttrPath sortBy, boolean descending, int startIndex, int count,
            boolean withMembers, long countUpTo, Seek seek) {
        public static final long EXACT = Long.MAX_VALUE;

        public Query(Filter filter, AttrPath sortBy, boolean descending, int startIndex, int count,
                boolean withMembers) {
            this(filter, sortBy, descending, startIndex, count, withMembers, EXACT);
        }

        public Query(Filter filter, AttrPath sortBy, boolean descending, int startIndex, int count,
                boolean withMembers, long countUpTo) {
            this(filter, sortBy, descending, startIndex, count, withMembers, countUpTo, null);
        }

        /** The same query's page next to {@code seek}'s row. */
        public Query seeking(Seek seek) {
            return new Query(filter, sortBy, descending, startIndex, count, withMembers, countUpTo, seek);
        }
    }

    /**
     * A row's place in a sorted list: the value it sorts by ({@code String}, a {@code Boolean} for the status, null
     * when the row has none) and its id, which breaks ties.
     */
    record Position(Object key, String id) {
    }

    /** A keyset page: the rows after {@code from} in the query's order, or, {@code backward}, the rows before it. */
    record Seek(Position from, boolean backward) {
    }

    /**
     * {@code moreThanTotal}: the count stopped at {@link Query#countUpTo}; there are more matches than the total.
     * {@code first} and {@code last}: the places of the page's first and last rows (null when it is empty), from
     * which the pages next to it are sought. {@code more}: rows follow the page in the direction it was read (after
     * it; before it, for a page read backward). A keyset page is not counted: its total is {@link #NOT_COUNTED}.
     */
    record Page(long totalResults, int startIndex, List<StoredResource> resources, boolean moreThanTotal,
            Position first, Position last, boolean more) {
        public static final long NOT_COUNTED = -1;

        public Page(long totalResults, int startIndex, List<StoredResource> resources, boolean moreThanTotal) {
            this(totalResults, startIndex, resources, moreThanTotal, null, null,
                    moreThanTotal || startIndex - 1L + resources.size() < totalResults);
        }

        public Page(long totalResults, int startIndex, List<StoredResource> resources) {
            this(totalResults, startIndex, resources, false);
        }
    }

    default StoredResource create(String tenantId, ResourceType type, ObjectNode doc, List<String> memberIds) {
        return create(tenantId, type, doc, memberIds, null);
    }

    /**
     * Creates a resource; {@code audit} (may be null) makes the activity entry from the created resource, and
     * it is written in the same transaction, so a write and its log entry are durable together. Raises
     * {@link StorageOutcome}: DUPLICATE, UNKNOWN_MEMBER.
     */
    StoredResource create(String tenantId, ResourceType type, ObjectNode doc, List<String> memberIds,
            Function<StoredResource, Activity> audit);

    Optional<StoredResource> get(String tenantId, ResourceType type, String id, boolean withMembers);

    /**
     * The resource as a change starts from: its row as {@link #get} reads it, without the memberships (a user's
     * groups, a group's members), which are no part of what a change computes from; {@link #update} answers with
     * them, read in its own transaction, and {@link #withMemberships} adds them to an answer that wrote nothing.
     * One statement, no transaction of its own.
     */
    Optional<StoredResource> getRow(String tenantId, ResourceType type, String id);

    /**
     * {@code r}, read by {@link #getRow}, with its memberships as stored now, as {@link #get} would have read them: a
     * user's groups, a group's members when {@code withMembers}.
     */
    StoredResource withMemberships(StoredResource r, boolean withMembers);

    Page query(String tenantId, ResourceType type, Query query);

    /**
     * Whether more than {@code limit} resources of the tenant match {@code filter} (null: all of them), found as
     * {@link #query} finds them and counted only that far: the read stops after {@code limit} + 1 matches, so the
     * answer costs the same at a million users as at ten thousand.
     */
    boolean matchesMoreThan(String tenantId, ResourceType type, Filter filter, long limit);

    /**
     * A page of a group's members, in userName order (ties by id). Without {@code seek}, the page at
     * {@code startIndex} (1-based), counted exactly; with it, the page next to that member, not counted (a keyset
     * page, as in {@link #query}). A group of another tenant, or none, has no members.
     */
    Page members(String tenantId, String groupId, int startIndex, int count, Seek seek);

    /** The order of {@link #members}: a member's place is its userName key and id. */
    AttrPath MEMBERS_ORDER = AttrPath.of("userName");

    /**
     * How many resources of the tenant match each filter, in the filters' order, read in one pass over the rows:
     * the console's overview counts several attributes of every user, which at a million users is one long read
     * instead of one per attribute.
     */
    List<Long> countEach(String tenantId, ResourceType type, List<Filter> filters);

    /**
     * As {@link #countEach(String, ResourceType, List)}, read in parts where the engine has a cheap way to cut the
     * table (SQLite: ranges of rowids, each read on its own), {@code beforeEachPart} run before every part but the
     * first: at a million users the count is seconds of a core, and another read may be worth more meanwhile. Each
     * part is read at its own moment, so a write between parts may be counted in one and not another, as a count a
     * moment later would. Elsewhere one pass, as {@link #countEach(String, ResourceType, List)}.
     */
    default List<Long> countEach(String tenantId, ResourceType type, List<Filter> filters, Runnable beforeEachPart) {
        return countEach(tenantId, type, filters);
    }

    /** Member counts of the given groups of the tenant (0 for a group without members), in one read. */
    Map<String, Long> memberCounts(String tenantId, List<String> groupIds);

    /**
     * The new state of a resource, computed by the caller from what it read at {@code readVersion}. {@code doc} is
     * null when the document does not change; {@code memberChanges} may be empty. A new document is written only if
     * the resource is still at {@code readVersion}; membership changes (row changes that do not depend on what was
     * read) are applied whatever the version, unless {@code pinned} (the client named the version it changes).
     * {@code withMembers}: the resource written is read back with its members (a PUT answers with all of them).
     */
    record Update(long readVersion, ObjectNode doc, List<MemberChange> memberChanges, boolean pinned,
            boolean withMembers) {
        public Update {
            memberChanges = memberChanges == null ? List.of() : List.copyOf(memberChanges);
        }

        /** Read back without members: a PATCH of a group answers 204, and a user has none. */
        public Update(long readVersion, ObjectNode doc, List<MemberChange> memberChanges, boolean pinned) {
            this(readVersion, doc, memberChanges, pinned, false);
        }
    }

    /**
     * Writes {@code update} and its activity entry (made from the written resource and the membership it changed;
     * may be null) in one transaction, and returns the resource as stored (a group with its members only when the
     * update asks for them). Raises {@link StorageOutcome}: NOT_FOUND, VERSION_CONFLICT (read again and compute again), DUPLICATE,
     * UNKNOWN_MEMBER.
     */
    StoredResource update(String tenantId, ResourceType type, String id, Update update,
            Function<Updated, Activity> audit);

    /**
     * A resource as an update left it, with the membership that update really changed: the members added that were
     * not members before, and the members removed that were (asking to add a member already there, or to remove
     * one who is not, changes nothing).
     */
    record Updated(StoredResource resource, MemberDiff members) {
    }

    /** Who joined a group and who left it, by id, as the store applied a change; empty lists: nobody. */
    record MemberDiff(List<String> added, List<String> removed) {
        public static final MemberDiff NONE = new MemberDiff(List.of(), List.of());

        public MemberDiff {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    default void delete(String tenantId, ResourceType type, String id, Long expectedVersion) {
        delete(tenantId, type, id, expectedVersion, null);
    }

    /**
     * Deletes a resource; {@code audit} (may be null) is given the resource as it was, in the same transaction.
     * Raises {@link StorageOutcome}: NOT_FOUND, VERSION_CONFLICT when {@code expectedVersion} is not the stored one.
     */
    void delete(String tenantId, ResourceType type, String id, Long expectedVersion,
            Function<StoredResource, Activity> audit);

    // ---- activity -----------------------------------------------------------------------------

    /**
     * One entry of the provisioning log. {@code code} and {@code args} say why (sentences are made from them at the
     * edges); entries written by an earlier version have no code, only their English {@code detail}.
     * {@code clientAddress} is the address the request came from (a trusted proxy's client, else the peer); null for
     * an entry not written for a request, or written before it was recorded.
     */
    record Activity(long seq, Instant time, String tenantId, String operation, String resource, String resourceId,
            String userName, String outcome, String code, List<String> args, String detail, String clientAddress,
            History history, List<Event> events) {
        public Activity {
            args = args == null ? List.of() : List.copyOf(args);
            events = events == null ? List.of() : List.copyOf(events);
        }

        /** An entry that raises no directory event (read back from the log, or written before events). */
        public Activity(long seq, Instant time, String tenantId, String operation, String resource, String resourceId,
                String userName, String outcome, String code, List<String> args, String detail,
                String clientAddress, History history) {
            this(seq, time, tenantId, operation, resource, resourceId, userName, outcome, code, args, detail,
                    clientAddress, history, List.of());
        }

        /** An entry without attribute history (a refusal, the owner's action, an outage). */
        public Activity(long seq, Instant time, String tenantId, String operation, String resource, String resourceId,
                String userName, String outcome, String code, List<String> args, String detail,
                String clientAddress) {
            this(seq, time, tenantId, operation, resource, resourceId, userName, outcome, code, args, detail,
                    clientAddress, null);
        }

        public Activity withHistory(History h) {
            return new Activity(seq, time, tenantId, operation, resource, resourceId, userName, outcome, code, args,
                    detail, clientAddress, h, events);
        }

        /** The same entry, raising {@code raised} (numbered by the store) in its write's transaction. */
        public Activity withEvents(List<Event> raised) {
            return new Activity(seq, time, tenantId, operation, resource, resourceId, userName, outcome, code, args,
                    detail, clientAddress, history, raised);
        }
    }

    /**
     * What a successful write changed, stored with its activity entry: the request's id as its client sent it (Entra's
     * {@code client-request-id}; null when absent) and each changed attribute with its old and new value (null: none).
     * No changes: the request changed nothing. Purged after the owner's retention period, the entry itself kept.
     */
    record History(String requestId, List<Change> changes) {
        public History {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }

    /** One attribute's change; a group's member added has only {@code after}, one removed only {@code before}. */
    record Change(String attribute, String before, String after) {
    }

    void log(Activity entry);

    // ---- directory events -------------------------------------------------------------------

    /**
     * One directory event: {@code type} (e.g. {@code user.updated}) of the resource {@code resourceType}/{@code
     * resourceId}, its SCIM representation after the change ({@code resource}, before it for a delete; no location,
     * no secrets), the old values of what changed ({@code previous}) and, for a membership's event, the user who
     * joined or left the group ({@code memberId}, else null). {@code id} is the tenant's own, strictly
     * increasing in commit order; 0 in an event not yet stored. {@code time} is its write's.
     */
    record Event(long id, String tenantId, Instant time, String type, String resourceType, String resourceId,
            ObjectNode resource, ObjectNode previous, String memberId) {
    }

    /** The tenant's events with an id above {@code afterId}, oldest first, at most {@code limit}. */
    List<Event> events(String tenantId, long afterId, int limit);

    /**
     * A read-only credential of a tenant's event feed, as stored: its digest, never the credential itself;
     * {@code lastUsed} is when it last opened the feed, to the minute (null: never).
     */
    record EventReader(String id, String tenantId, byte[] hash, String label, Instant created, Instant lastUsed) {
    }

    /** Stores a reader credential's digest; returns the new reader. */
    EventReader addEventReader(String tenantId, byte[] hash, String label);

    List<EventReader> eventReaders(String tenantId);

    /** Removes the tenant's reader {@code id}; false when it has none of that id. */
    boolean removeEventReader(String tenantId, String id);

    /** Records that the tenant's reader {@code id} was used at {@code at}, unless a later use is recorded already. */
    void eventReaderUsed(String tenantId, String id, Instant at);

    List<Activity> activity(String tenantId, int limit);

    /** The latest {@code limit} entries about one resource (its id), with their history where kept. */
    List<Activity> activityOf(String tenantId, String resourceId, int limit);

    /** The tenants that have attribute history or events kept. */
    List<String> historyTenants();

    /**
     * Removes the tenant's attribute history and events recorded before {@code cutoff}; returns how many entries lost
     * their history.
     */
    int purgeHistory(String tenantId, Instant cutoff);

    /** The days the tenant's owner chose to keep attribute history; empty: never chosen. */
    Optional<Integer> historyRetentionDays(String tenantId);

    void setHistoryRetentionDays(String tenantId, int days);

    @Override
    void close();
}
