package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.Directory.Page;
import app.scimconsole.directory.Directory.Query;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.directory.Directory.Update;
import app.scimconsole.directory.Directory.Updated;
import app.scimconsole.directory.Directory;
import app.scimconsole.directory.StorageOutcome;
import app.scimconsole.scim.FilterText;
import app.scimconsole.scim.IdentityText;
import app.scimconsole.scim.JsonText;
import app.scimconsole.scim.ListRequest;
import app.scimconsole.scim.MemberChange;
import app.scimconsole.scim.PatchEngine;
import app.scimconsole.scim.PatchResult;
import app.scimconsole.scim.ResourceNormalizer;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.StorableText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What Entra asks of a tenant's users and groups: create, read, list, replace, patch and delete, with the rules
 * that make it safe. The protocol work (parsing, PATCH, validation, the domain rule) runs in the caller's thread
 * on what was read; the store then only writes, and only if the resource is still at the version the change was
 * computed from — otherwise the change is computed again from what is stored now. Every write is logged with its
 * reason, and raises its directory events ({@link DirectoryEvents}), in the write's own transaction; every refusal is
 * logged too, then told to the client.
 */
public final class Provisioning {
    /**
     * A change computed from a version that moved on meanwhile is computed again, this many times at most. Entra
     * changes one resource from one request at a time, so a second attempt is already rare.
     */
    static final int ATTEMPTS = 16;

    private final Directory directory;
    private final DomainPolicy domainPolicy;
    private final ActivityRecorder activity;
    private final ResourceNormalizer normalizer = new ResourceNormalizer();
    private final PatchEngine patchEngine = new PatchEngine();

    private final UnindexedSorts sorts;

    public Provisioning(Directory directory, VerifiedDomains domains, ActivityRecorder activity) {
        this(directory, domains, activity, new UnindexedSorts(directory));
    }

    /** {@code sorts}: the rule for sorts no index holds, shared with the admin API's lists. */
    Provisioning(Directory directory, VerifiedDomains domains, ActivityRecorder activity, UnindexedSorts sorts) {
        this.directory = directory;
        this.domainPolicy = new DomainPolicy(domains);
        this.activity = activity;
        this.sorts = sorts;
    }

    public StoredResource get(ScimAccess.Caller caller, ResourceType type, String id, boolean withMembers) {
        if (PathIds.namesNothing(id)) {
            Attempt attempt = new Attempt(caller, Operation.READ, type, id);
            attempt.run(() -> {
                requireStorableId(id, type);
                return null;
            });
        }
        return read(caller.tenantId(), type, id, withMembers);
    }

    private StoredResource read(String tenantId, ResourceType type, String id, boolean withMembers) {
        return directory.get(tenantId, type, id, withMembers).orElseThrow(() -> StorageOutcomes.notFound(type, id));
    }

    /** An id no resource can have ({@link PathIds}) is not found, without asking the store. */
    private static void requireStorableId(String id, ResourceType type) {
        if (PathIds.namesNothing(id)) {
            throw StorageOutcomes.notFound(type, StorableText.printable(id));
        }
    }

    public Page list(ScimAccess.Caller caller, ResourceType type, Query query) {
        new Attempt(caller, Operation.QUERY, type, null).run(() -> {
            FilterText.check(query.filter());
            return null;
        });
        // Like any sortBy the store cannot use, told to the client only (not a rejection for the log).
        sorts.check(caller.tenantId(), type, query.filter(), query.sortBy(),
                query.sortBy() == null ? null : query.sortBy().toString());
        return directory.query(caller.tenantId(), type, query);
    }

    /**
     * The parameters of a {@code POST .search} body. Text no value can hold anywhere in it is refused and logged,
     * as in a filter ({@link ListRequest#checkSearchText}); other mistakes are only told to the client.
     */
    public ListRequest searchRequest(ScimAccess.Caller caller, ResourceType type, JsonNode body) {
        new Attempt(caller, Operation.QUERY, type, null).run(() -> {
            ListRequest.checkSearchText(body);
            return null;
        });
        return ListRequest.fromSearchBody(type, body);
    }

    public StoredResource create(ScimAccess.Caller caller, ResourceType type, JsonNode body) {
        Attempt attempt = new Attempt(caller, Operation.CREATE, type, null);
        return attempt.run(() -> {
            JsonText.check(body);
            ResourceNormalizer.Normalized n = normalizer.normalize(type, body);
            attempt.named(n.doc());
            checkIdentities(attempt, n.doc(), null);
            return directory.create(caller.tenantId(), type, n.doc(), n.memberIds(),
                    created -> activity.withEvents(activity.success(attempt, created,
                            ChangeReasons.created(type, created.doc()), created(created)),
                            () -> DirectoryEvents.created(caller.tenantId(), created)));
        });
    }

    /**
     * PUT: the whole resource as sent; a group's members are replaced only when the body names them. Answered with
     * the entire resource (RFC 7644 §3.5.1), a group's members included.
     */
    public StoredResource replace(ScimAccess.Caller caller, ResourceType type, String id, Long ifMatch,
            JsonNode body) {
        Attempt attempt = new Attempt(caller, Operation.REPLACE, type, id);
        return attempt.run(() -> change(attempt, ifMatch, body, type == ResourceType.GROUP, current -> {
            ResourceNormalizer.Normalized n = normalizer.normalize(type, body);
            attempt.named(n.doc());
            checkIdentities(attempt, n.doc(), current.doc());
            List<MemberChange> members = type == ResourceType.GROUP && body.has("members")
                    ? List.of(new MemberChange(MemberChange.Kind.REMOVE_ALL, List.of()),
                            new MemberChange(MemberChange.Kind.ADD, n.memberIds()))
                    : List.of();
            return new Computed(n.doc(), members);
        }, (before, after) -> ChangeReasons.replaced(type, after.resource().doc())));
    }

    public StoredResource patch(ScimAccess.Caller caller, ResourceType type, String id, Long ifMatch,
            JsonNode body) {
        Attempt attempt = new Attempt(caller, Operation.PATCH, type, id);
        return attempt.run(() -> change(attempt, ifMatch, body, false, current -> {
            PatchResult result = patchEngine.apply(type, current.doc(), body);
            if (!result.changed()) {
                return null;
            }
            attempt.named(result.doc());
            checkIdentities(attempt, result.doc(), current.doc());
            return new Computed(result.doc(), result.memberChanges());
        }, (before, after) -> ChangeReasons.patched(type, before.doc(), after.resource().doc(), after.members())));
    }

    public void delete(ScimAccess.Caller caller, ResourceType type, String id, Long ifMatch) {
        Attempt attempt = new Attempt(caller, Operation.DELETE, type, id);
        attempt.run(() -> {
            requireStorableId(id, type);
            directory.delete(caller.tenantId(), type, id, ifMatch,
                    gone -> activity.withEvents(activity.success(attempt.named(gone.doc()), gone,
                            Reason.of(ChangeReasons.DELETED), AttributeChanges.between(gone.doc(), null)),
                            () -> DirectoryEvents.deleted(caller.tenantId(), gone)));
            return null;
        });
    }

    /** A created resource's attributes, and a group's first members. */
    private static List<Directory.Change> created(StoredResource created) {
        List<Directory.Change> changes = new ArrayList<>(AttributeChanges.between(null, created.doc()));
        changes.addAll(AttributeChanges.members(List.of(), created.members()));
        return changes;
    }

    /** What an update changed: the attributes, and the membership as the store really changed it. */
    private static List<Directory.Change> changed(StoredResource before, Updated after) {
        List<Directory.Change> changes = new ArrayList<>(AttributeChanges.between(before.doc(),
                after.resource().doc()));
        changes.addAll(AttributeChanges.members(after.members()));
        return changes;
    }

    /** A new document (null: unchanged) and membership changes, computed from what was read. */
    private record Computed(ObjectNode doc, List<MemberChange> memberChanges) {
    }

    /** The reason a change's log entry gives, from the resource as read and as the update left it. */
    @FunctionalInterface
    private interface Describe {
        Reason of(StoredResource before, Updated after);
    }

    /**
     * Reads the resource, computes its new state from it (null: nothing to change), and writes that state if the
     * resource is still at the version read; when it moved on meanwhile, reads and computes again. A client that
     * named the version it changes ({@code If-Match}) is told instead (412): its change was meant for that version.
     * {@code withMembers}: the resource returned carries a group's members.
     */
    private StoredResource change(Attempt attempt, Long ifMatch, JsonNode body, boolean withMembers,
            Function<StoredResource, Computed> compute, Describe describe) {
        String tenantId = attempt.tenantId;
        ResourceType type = attempt.type;
        String id = attempt.resourceId;
        requireStorableId(id, type);
        JsonText.check(body);
        for (int i = 1; ; i++) {
            // The row alone: the memberships are no part of what the change computes from, and an update answers
            // with them as its own transaction reads them (issue 21: a PATCH's first read).
            StoredResource current = directory.getRow(tenantId, type, id)
                    .orElseThrow(() -> StorageOutcomes.notFound(type, id));
            attempt.named(current.doc());
            if (ifMatch != null && ifMatch != current.version()) {
                throw StorageOutcomes.versionMismatch(type, id, ifMatch, current.version());
            }
            Computed computed = compute.apply(current);
            ObjectNode doc = computed == null || computed.doc() == null || computed.doc().equals(current.doc())
                    ? null : computed.doc();
            if (doc == null && (computed == null || computed.memberChanges().isEmpty())) {
                // Nothing to write; the history still tells that the request came and changed nothing.
                activity.write(activity.success(attempt, current, Reason.of(ChangeReasons.UNCHANGED), List.of()));
                return directory.withMemberships(current, withMembers);
            }
            try {
                return directory.update(tenantId, type, id,
                        new Update(current.version(), doc, computed.memberChanges(), ifMatch != null, withMembers),
                        updated -> activity.withEvents(activity.success(attempt, updated.resource(),
                                doc == null && updated.members().isEmpty() ? Reason.of(ChangeReasons.UNCHANGED)
                                        : describe.of(current, updated), changed(current, updated)),
                                () -> DirectoryEvents.changed(tenantId, current, updated.resource(),
                                        updated.members())));
            } catch (StorageOutcome e) {
                boolean recompute = e.kind() == StorageOutcome.Kind.VERSION_CONFLICT && ifMatch == null && i < ATTEMPTS;
                if (!recompute) {
                    throw e;
                }
            }
        }
    }

    /**
     * A user's sign-in identities: no invisible or control characters, an "@" only in an e-mail address, and every
     * address's domain verified. {@code before}: the user as stored (null for a create); an identity it already had
     * passes the first two rules, which are newer than some stored users, until it changes.
     */
    private void checkIdentities(Attempt attempt, ObjectNode doc, ObjectNode before) {
        if (attempt.type == ResourceType.USER) {
            Set<String> kept = before == null ? Set.of() : IdentityText.values(before);
            IdentityText.check(doc, kept);
            domainPolicy.check(attempt.tenantId, doc, kept);
        }
    }

    /**
     * The operations the activity log names. Reads and searches are logged only when refused for text no stored
     * value can hold (a NUL, a broken surrogate): a client probing with such input is worth the owner's notice.
     */
    enum Operation { CREATE, REPLACE, PATCH, DELETE, READ, QUERY }

    /**
     * One client request against one resource, for its log entry: who asked (tenant and client address), what was
     * attempted on what, and the resource's name as soon as it is known (a refusal names the user it refused when it
     * can).
     */
    final class Attempt {
        final String tenantId;
        final String clientAddress;
        final String requestId;
        final Operation operation;
        final ResourceType type;
        final String resourceId;
        private String name;

        Attempt(ScimAccess.Caller caller, Operation operation, ResourceType type, String resourceId) {
            this.tenantId = caller.tenantId();
            this.clientAddress = caller.clientAddress();
            this.requestId = caller.requestId();
            this.operation = operation;
            this.type = type;
            this.resourceId = resourceId;
        }

        Attempt named(ObjectNode doc) {
            String label = ChangeReasons.label(type, doc);
            if (label != null) {
                name = label;
            }
            return this;
        }

        String name() {
            return name;
        }

        /**
         * Runs the request: what the store refused becomes the client's error here, and every refusal is logged
         * with its reason before it goes on to the client.
         */
        <T> T run(Supplier<T> work) {
            try {
                try {
                    T result = work.get();
                    if (operation != Operation.READ && operation != Operation.QUERY) {
                        // A write committed: an outage of a full or unwritable disk has ended.
                        activity.served(tenantId, true);
                    }
                    return result;
                } catch (StorageOutcome e) {
                    throw StorageOutcomes.toScim(e, type);
                }
            } catch (ScimException e) {
                activity.rejected(this, e);
                throw e;
            }
        }
    }
}
