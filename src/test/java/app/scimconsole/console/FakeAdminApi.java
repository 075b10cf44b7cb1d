package app.scimconsole.console;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminException;
import app.scimconsole.admin.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-memory {@link AdminApi} for view-model tests; it records calls and can be told to fail. */
public class FakeAdminApi implements AdminApi {
    private int testTags;
    public Overview overview = overview(false, null, null, new MappingCoverage(0, 0, 0, 0, 0, 0), List.of());
    public final Map<String, DomainEntry> domains = new LinkedHashMap<>();
    public final List<String> calls = new ArrayList<>();
    public String nextToken = "tok-0000000000000000000000000000000000000001";
    public AdminException failure;
    public String verifyStatus = "VERIFIED";

    public static Overview overview(boolean enabled, Instant tokenCreated, Instant lastRequest, MappingCoverage coverage,
            List<String> rejected) {
        return new Overview("t1", "http://127.0.0.1:8089/scim/v2/t1", enabled, tokenCreated, lastRequest, lastRequest,
                coverage.users(), 0, 0, rejected.size(), coverage, rejected, List.of(), null);
    }

    private void call(String what) {
        calls.add(what);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Overview overview() {
        call("overview");
        return overview;
    }

    /** The outage the fake's overview reports, as the service's light read says it. */
    @Override
    public StorageState storageState() {
        call("storage");
        return new StorageState(overview.storageOutage());
    }

    @Override
    public Credentials enableScim() {
        call("enable");
        overview = overview(true, Instant.parse("2026-03-02T09:00:00Z"), overview.lastRequest(), overview.coverage(),
                overview.unverifiedRejectedDomains());
        return new Credentials(overview.tenantUrl(), nextToken);
    }

    @Override
    public String rotateToken(int overlapMinutes) {
        call("rotate:" + overlapMinutes);
        return nextToken;
    }

    @Override
    public void disableScim() {
        call("disable");
    }

    // OAuth clients: their tests run against the real service (EnableScimOAuthTest), not this fake.
    @Override
    public void setAuthMethod(String method) {
        call("authMethod:" + method);
    }

    @Override
    public NewClientSecret addOAuthClient(int expiryDays) {
        throw new UnsupportedOperationException("not faked: test OAuth clients against the real service");
    }

    @Override
    public NewClientSecret rotateOAuthSecret(String clientId, int expiryDays) {
        throw new UnsupportedOperationException("not faked: test OAuth clients against the real service");
    }

    @Override
    public void retireOAuthSecret(String clientId, String secretId) {
        throw new UnsupportedOperationException("not faked: test OAuth clients against the real service");
    }

    @Override
    public void removeOAuthClient(String clientId) {
        throw new UnsupportedOperationException("not faked: test OAuth clients against the real service");
    }

    @Override
    public String connectionTestTag() {
        return "tag-" + (++testTags);
    }

    public final List<UserRow> users = new ArrayList<>();
    public final List<UserQuery> userQueries = new ArrayList<>();
    public final Map<String, UserDetail> details = new LinkedHashMap<>();
    public final List<ActivityEntry> activity = new ArrayList<>();
    public final List<ActivityQuery> activityQueries = new ArrayList<>();
    public Traffic traffic = new Traffic(null, null, List.of());
    /** Counts users' matches only up to this many, as the service does for a search (null: exactly). */
    public Integer countUpTo;

    /** Search and status filters like the service's; paging by startIndex/count, or by its cursors ("at:N"). */
    @Override
    public UserPage users(UserQuery query) {
        call("users");
        userQueries.add(query);
        List<UserRow> match = users.stream()
                .filter(u -> query.search() == null || u.userName().contains(query.search())
                        || u.displayName() != null && u.displayName().toLowerCase().contains(query.search().toLowerCase()))
                .filter(u -> query.status() == UserStatus.ANY || u.active() == (query.status() == UserStatus.ACTIVE))
                .toList();
        Paged<UserRow> p = paged(match, query.startIndex(), query.count(), query.cursor());
        boolean partly = countUpTo != null && match.size() > countUpTo;
        return new UserPage(partly ? countUpTo : match.size(), p.start(), p.rows(), partly, p.next(), p.previous());
    }

    @Override
    public UserDetail user(String id) {
        call("user:" + id);
        return details.get(id);
    }

    public final List<GroupRow> groups = new ArrayList<>();
    public final Map<String, List<UserRow>> members = new LinkedHashMap<>();
    public final List<GroupQuery> groupQueries = new ArrayList<>();
    /** The member pages asked for, as "group id, cursor". */
    public final List<String> memberQueries = new ArrayList<>();

    /** Groups whose name contains the search (any case), paged like {@link #users}. */
    @Override
    public GroupPage groups(GroupQuery query) {
        call("groups");
        groupQueries.add(query);
        List<GroupRow> match = groups.stream().filter(g -> query.search() == null
                || g.displayName().toLowerCase().contains(query.search().toLowerCase())).toList();
        Paged<GroupRow> p = paged(match, query.startIndex(), query.count(), query.cursor());
        return new GroupPage(match.size(), p.start(), p.rows(), p.next(), p.previous());
    }

    @Override
    public UserPage groupMembers(String groupId, int startIndex, int count, String cursor) {
        call("members");
        memberQueries.add(groupId + ", " + cursor);
        List<UserRow> all = members.getOrDefault(groupId, List.of());
        Paged<UserRow> p = paged(all, startIndex, count, cursor);
        return new UserPage(all.size(), p.start(), p.rows(), false, p.next(), p.previous());
    }

    private record Paged<T>(int start, List<T> rows, String next, String previous) {
    }

    /** A page of {@code all} at startIndex, or at a cursor of this fake's ("at:N", N the 1-based place). */
    private static <T> Paged<T> paged(List<T> all, int startIndex, int count, String cursor) {
        int start = cursor == null ? startIndex : Integer.parseInt(cursor.substring(3));
        int from = Math.min(all.size(), start - 1);
        int to = Math.min(all.size(), from + count);
        return new Paged<>(start, all.subList(from, to), to < all.size() ? "at:" + (to + 1) : null,
                from > 0 ? "at:" + Math.max(1, from + 1 - count) : null);
    }

    @Override
    public List<ActivityEntry> activity(ActivityQuery query) {
        call("activity");
        activityQueries.add(query);
        return activity.stream().filter(a -> query.outcome() == Outcome.ANY
                || a.outcome().equals(query.outcome().name().toLowerCase())).toList();
    }

    /** Every entry about the resource, as the service keeps them, newest first. */
    public final List<ActivityEntry> history = new ArrayList<>();
    public int historyRetentionDays = 90;

    @Override
    public List<ActivityEntry> history(String resourceId, int limit) {
        call("history");
        return history.stream().filter(a -> resourceId.equals(a.resourceId())).limit(limit).toList();
    }

    @Override
    public int historyRetentionDays() {
        return historyRetentionDays;
    }

    @Override
    public int setHistoryRetentionDays(int days) {
        historyRetentionDays = days;
        return days;
    }

    @Override
    public Traffic traffic() {
        call("traffic");
        return traffic;
    }

    public final List<EventReaderEntry> eventReaders = new ArrayList<>();

    @Override
    public List<EventReaderEntry> eventReaders() {
        call("eventReaders");
        return List.copyOf(eventReaders);
    }

    @Override
    public IssuedEventReader issueEventReader(String label) {
        call("issueEventReader");
        String id = "reader-" + (eventReaders.size() + 1);
        eventReaders.add(new EventReaderEntry(id, label, Instant.now(), null));
        return new IssuedEventReader(id, "http://127.0.0.1:8089/events/v1/fake", "credential-" + id);
    }

    @Override
    public void revokeEventReader(String id) {
        call("revokeEventReader");
        if (!eventReaders.removeIf(r -> r.id().equals(id))) {
            throw new AdminException(404, "There is no event reader " + id + ".");
        }
    }

    public final List<WebhookEntry> webhooks = new ArrayList<>();

    @Override
    public List<WebhookEntry> webhooks() {
        call("webhooks");
        return List.copyOf(webhooks);
    }

    @Override
    public WebhookAdded addWebhook(String url, List<String> events) {
        call("addWebhook:" + url);
        String id = "webhook-" + (webhooks.size() + 1);
        webhooks.add(new WebhookEntry(id, url, events == null ? List.of() : List.copyOf(events), Instant.now(), null,
                null, "HEALTHY", 0, null));
        return new WebhookAdded(id, "whsec_fake-" + id);
    }

    @Override
    public void removeWebhook(String id) {
        call("removeWebhook:" + id);
        if (!webhooks.removeIf(w -> w.id().equals(id))) {
            throw new AdminException(404, "There is no webhook endpoint " + id + ".");
        }
    }

    @Override
    public WebhookReplayed replayWebhook(String id, String after) {
        call("replayWebhook:" + id + ":" + after);
        if (webhooks.stream().noneMatch(w -> w.id().equals(id))) {
            throw new AdminException(404, "There is no webhook endpoint " + id + ".");
        }
        return new WebhookReplayed(id, after, "1", false, 0);
    }

    @Override
    public WebhookSecretRotated rotateWebhookSecret(String id) {
        call("rotateWebhookSecret:" + id);
        if (webhooks.stream().noneMatch(w -> w.id().equals(id))) {
            throw new AdminException(404, "There is no webhook endpoint " + id + ".");
        }
        return new WebhookSecretRotated(id, "whsec_rotated-" + id, Instant.now().plusSeconds(86_400));
    }

    @Override
    public List<DomainEntry> domains() {
        call("domains");
        return List.copyOf(domains.values());
    }

    public static DomainEntry pending(String domain, String token, Instant nextCheck) {
        return new DomainEntry(domain, "TXT", "_scim-console-challenge." + domain, "scim-console-verification=" + token,
                "PENDING", Reason.of("domain.check.noSuchName", "_scim-console-challenge." + domain), List.of(), null,
                nextCheck, null, null);
    }

    @Override
    public DomainEntry addDomain(String name) {
        call("add:" + name);
        DomainEntry e = pending(name, "a".repeat(52), Instant.parse("2026-03-02T09:01:00Z"));
        domains.put(name, e);
        return e;
    }

    @Override
    public DomainEntry verifyDomain(String name) {
        call("verify:" + name);
        DomainEntry old = domains.get(name);
        Reason found = verifyStatus.equals("VERIFIED") ? Reason.of("domain.check.verifiedByServer", old.recordName())
                : Reason.of("domain.check.noSuchName", old.recordName());
        DomainEntry e = new DomainEntry(name, "TXT", old.recordName(), old.recordValue(), verifyStatus, found, List.of(),
                Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-03T09:00:00Z"),
                verifyStatus.equals("VERIFIED") ? Instant.parse("2026-03-02T09:00:00Z") : null, null);
        domains.put(name, e);
        return e;
    }

    @Override
    public void removeDomain(String name) {
        call("remove:" + name);
        domains.remove(name);
    }

    @Override
    public List<FederationTrust> federationTrusts() {
        call("federationTrusts");
        return List.of();
    }

    @Override
    public FederationTrustAdded addFederationTrust(NewFederationTrust trust) {
        call("addFederationTrust:" + trust.entraTenant());
        return new FederationTrustAdded("http://127.0.0.1:8089/oauth2/v1/t/token", "wif-fake", trust.keysUrl());
    }

    @Override
    public void removeFederationTrust(String clientId) {
        call("removeFederationTrust:" + clientId);
    }
}
