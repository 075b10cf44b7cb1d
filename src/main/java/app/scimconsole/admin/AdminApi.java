package app.scimconsole.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * What the console can ask of a service, embedded or remote: the admin API's operations and their
 * answers. Implemented over HTTP by {@link AdminClient}; every method blocks, so call it off the FX thread.
 * Failures are {@link AdminException}s; those about domains carry their {@link Reason}.
 */
public interface AdminApi {
    /** How Entra authenticates: a long-lived secret token (the default). */
    String METHOD_SECRET_TOKEN = "SECRET_TOKEN";
    /** How Entra authenticates: OAuth 2.0 client credentials (a client secret, then short-lived access tokens). */
    String METHOD_OAUTH_CLIENT = "OAUTH_CLIENT";
    /** How Entra authenticates: workload identity federation (an assertion Entra signs; no secret at all). */
    String METHOD_FEDERATION = "FEDERATION";

    /** The request header that carries a {@link #connectionTestTag()} on the console's test request. */
    String CONNECTION_TEST_TAG_HEADER = "X-SCIM-Console-Test";

    Overview overview();

    /**
     * Whether the service can use its storage now, read cheaply (one small read of the store, nothing counted): for a
     * console that only watches for an outage, where the {@linkplain #overview() overview} counts every user. An
     * unreachable database is refused as every request is then (503, its reason); a full disk, which leaves reads
     * working, is the answer's {@code outage}.
     */
    StorageState storageState();

    Credentials enableScim();

    /** A new token; with {@code overlapMinutes} > 0 the old one keeps working that long. */
    String rotateToken(int overlapMinutes);

    void disableScim();

    /**
     * Records how Entra authenticates to this tenant ({@link #METHOD_SECRET_TOKEN}, {@link #METHOD_OAUTH_CLIENT},
     * {@link #METHOD_FEDERATION}).
     */
    void setAuthMethod(String method);

    /** A new OAuth client with one client secret expiring in {@code expiryDays} (365 to 1095). */
    NewClientSecret addOAuthClient(int expiryDays);

    /** A second client secret for the client; the previous one keeps working until it expires or is retired. */
    NewClientSecret rotateOAuthSecret(String clientId, int expiryDays);

    /** Ends one of the client's secrets now (the old one, once Entra uses the new). */
    void retireOAuthSecret(String clientId, String secretId);

    /** Removes the client: its secrets and access tokens stop working. */
    void removeOAuthClient(String clientId);

    /**
     * A tag for one "Test connection" request of the console's, sent beside the secret token so that the service does
     * not take the test for Entra's traffic; good for one request within a minute.
     */
    String connectionTestTag();

    UserPage users(UserQuery query);

    UserDetail user(String id);

    GroupPage groups(GroupQuery query);

    /** The page at {@code startIndex} of the groups whose name contains {@code search}, by name. */
    default GroupPage groups(String search, int startIndex, int count) {
        return groups(new GroupQuery(search, startIndex, count, null));
    }

    /**
     * A page of the group's members, by userName: the one at {@code startIndex}, counted, or the one {@code cursor}
     * (a members page's next or previous cursor) leads to; a group of a hundred thousand members is paged as quickly.
     */
    UserPage groupMembers(String groupId, int startIndex, int count, String cursor);

    default UserPage groupMembers(String groupId, int startIndex, int count) {
        return groupMembers(groupId, startIndex, count, null);
    }

    List<ActivityEntry> activity(ActivityQuery query);

    /** One user's or group's entries, newest first, each with its attribute history where still kept. */
    List<ActivityEntry> history(String resourceId, int limit);

    /** How many days attribute history is kept before the background purge removes it. */
    int historyRetentionDays();

    /** Sets it (1 to 3650 days); answers the days now set. */
    int setHistoryRetentionDays(int days);

    /** Entra's recent provisioning cycles, as seen by this service since it started. */
    Traffic traffic();

    /** The read-only credentials of the tenant's event feed, oldest first (never the credentials themselves). */
    List<EventReaderEntry> eventReaders();

    /** A new reader credential of the event feed, shown once; {@code label} (may be null) is the owner's note. */
    IssuedEventReader issueEventReader(String label);

    /** Revokes a reader credential: it stops working at once. 404 when there is none of that id. */
    void revokeEventReader(String id);

    /** {@code lastUsedAt}: when the credential last read the feed, to the minute (null: never). */
    record EventReaderEntry(String id, String label, Instant created, Instant lastUsedAt) {
    }

    /** {@code readerCredential} is shown only now; {@code eventsUrl} is where it reads. */
    record IssuedEventReader(String id, String eventsUrl, String readerCredential) {
        @Override
        public String toString() {
            return "IssuedEventReader[id=" + id + ", eventsUrl=" + eventsUrl + ", readerCredential=(hidden)]";
        }
    }

    /** The tenant's webhook endpoints with their health (never their secrets), oldest first. */
    List<WebhookEntry> webhooks();

    /**
     * A new webhook endpoint for {@code events} (null or empty: every type); its signing secret is shown only now.
     * 400 with the reason for an address that is not a public https one, or a type that is none.
     */
    WebhookAdded addWebhook(String url, List<String> events);

    /** Removes a webhook endpoint: nothing more is delivered to it. 404 when there is none of that id. */
    void removeWebhook(String id);

    /**
     * Sets the endpoint's cursor to {@code after}, an event id as the pull feed gives it: the next deliveries are the
     * events after it. 400 with the reason for a text that is no cursor or a cursor beyond the newest event; 404 when
     * there is no endpoint of that id.
     */
    WebhookReplayed replayWebhook(String id, String after);

    /**
     * A new signing secret for the endpoint, shown only now; the replaced one signs too until
     * {@code previousSecretValidUntil}. 404 when there is no endpoint of that id.
     */
    WebhookSecretRotated rotateWebhookSecret(String id);

    /**
     * After a replay: the cursor set; the oldest event kept ({@code "0"}: none); {@code eventsLost}: events after the
     * cursor were purged already, so the deliveries start at the oldest kept; {@code backlog}: events now waiting.
     */
    record WebhookReplayed(String id, String after, String oldestKept, boolean eventsLost, long backlog) {
    }

    /** {@code secret} is shown only now. */
    record WebhookSecretRotated(String id, String secret, Instant previousSecretValidUntil) {
        @Override
        public String toString() {
            return "WebhookSecretRotated[id=" + id + ", secret=(hidden), previousSecretValidUntil="
                    + previousSecretValidUntil + "]";
        }
    }

    /**
     * An endpoint's health: {@code state} HEALTHY, RETRYING (deliveries fail, retried with backoff) or FAILING (they
     * have failed for three days: probed every six hours); {@code backlog}: events waiting for it.
     */
    record WebhookEntry(String id, String url, List<String> events, Instant createdAt, Instant lastSuccessAt,
            Instant failingSince, String state, long backlog, Reason lastError) {
    }

    /** {@code secret} is shown only now. */
    record WebhookAdded(String id, String secret) {
        @Override
        public String toString() {
            return "WebhookAdded[id=" + id + ", secret=(hidden)]";
        }
    }

    List<DomainEntry> domains();

    DomainEntry addDomain(String name);

    DomainEntry verifyDomain(String name);

    void removeDomain(String name);

    /** The workload identity federation trusts that work now (issue 19 method 3), oldest first. */
    List<FederationTrust> federationTrusts();

    /** Adds a trust; what Entra needs is in the answer. Bad input is a 400 whose reason says which. */
    FederationTrustAdded addFederationTrust(NewFederationTrust trust);

    /** Removes a trust (404 when there is none): its access tokens and assertions are refused from now on. */
    void removeFederationTrust(String clientId);

    // ---- answers ------------------------------------------------------------------------------

    /**
     * {@code cycles} newest first; {@code lastRequest} and {@code nextExpectedCycle} may be null (no traffic yet).
     * Cycles are inferred from Entra's requests: a burst separated from the next by a long quiet gap. Until Entra calls
     * a service that was restarted, they are those of its activity log.
     */
    record Traffic(Instant lastRequest, Instant nextExpectedCycle, List<Cycle> cycles) {
    }

    /**
     * {@code fromLog} is true for a cycle from before the service started, rebuilt from the activity log: its
     * {@code requests} then count only Entra's changes and refusals (the log keeps no reads).
     */
    record Cycle(Instant start, Instant end, long requests, long rejected, boolean fromLog) {
    }

    record Credentials(String tenantUrl, String secretToken) {
        @Override
        public String toString() {
            return "Credentials[tenantUrl=" + tenantUrl + ", secretToken=(hidden)]";
        }
    }

    /**
     * The state at a glance. {@code tokenCreated}/{@code tokenLastUsed}/{@code lastRequest} may be null;
     * {@code coverage} counts, for each required Entra mapping, the users that carry the attribute; {@code tokens} are
     * the secret tokens that work now, newest first (two while an old one keeps working after a rotation; null from a
     * service that does not say). {@code storageOutage}: while the service refuses changes because it cannot use its
     * storage (its disk is full, say, while reads still work), the reason ({@code storage.<KIND>}, with the data
     * folder and the bytes free there for a disk's fault); null otherwise.
     */
    record Overview(String tenantId, String tenantUrl, boolean scimEnabled, Instant tokenCreated, Instant tokenLastUsed,
            Instant lastRequest, long activeUsers, long suspendedUsers, long groups, long rejectedLastDay,
            MappingCoverage coverage, List<String> unverifiedRejectedDomains, List<TokenInfo> tokens,
            Reason storageOutage, String authMethod, String tokenEndpoint, List<OAuthClientInfo> oauthClients,
            List<FederationTrust> federationTrusts) {
        /**
         * {@code authMethod}: how Entra authenticates ({@link #METHOD_SECRET_TOKEN} when a service does not say);
         * {@code tokenEndpoint}: where Entra obtains access tokens; {@code oauthClients}: the OAuth clients with
         * their live secrets; {@code federationTrusts}: the live workload identity federation trusts, oldest first
         * (each empty when a service does not say).
         */
        public Overview {
            authMethod = authMethod == null ? METHOD_SECRET_TOKEN : authMethod;
            oauthClients = oauthClients == null ? List.of() : List.copyOf(oauthClients);
            federationTrusts = federationTrusts == null ? List.of() : List.copyOf(federationTrusts);
        }

        /** An overview that says nothing of federation trusts. */
        public Overview(String tenantId, String tenantUrl, boolean scimEnabled, Instant tokenCreated,
                Instant tokenLastUsed, Instant lastRequest, long activeUsers, long suspendedUsers, long groups,
                long rejectedLastDay, MappingCoverage coverage, List<String> unverifiedRejectedDomains,
                List<TokenInfo> tokens, Reason storageOutage, String authMethod, String tokenEndpoint,
                List<OAuthClientInfo> oauthClients) {
            this(tenantId, tenantUrl, scimEnabled, tokenCreated, tokenLastUsed, lastRequest, activeUsers,
                    suspendedUsers, groups, rejectedLastDay, coverage, unverifiedRejectedDomains, tokens,
                    storageOutage, authMethod, tokenEndpoint, oauthClients, null);
        }

        /** An overview that says nothing of OAuth clients. */
        public Overview(String tenantId, String tenantUrl, boolean scimEnabled, Instant tokenCreated,
                Instant tokenLastUsed, Instant lastRequest, long activeUsers, long suspendedUsers, long groups,
                long rejectedLastDay, MappingCoverage coverage, List<String> unverifiedRejectedDomains,
                List<TokenInfo> tokens, Reason storageOutage) {
            this(tenantId, tenantUrl, scimEnabled, tokenCreated, tokenLastUsed, lastRequest, activeUsers,
                    suspendedUsers, groups, rejectedLastDay, coverage, unverifiedRejectedDomains, tokens,
                    storageOutage, null, null, null, null);
        }

        /** An overview of a service whose storage works, that does not list its tokens. */
        public Overview(String tenantId, String tenantUrl, boolean scimEnabled, Instant tokenCreated,
                Instant tokenLastUsed, Instant lastRequest, long activeUsers, long suspendedUsers, long groups,
                long rejectedLastDay, MappingCoverage coverage, List<String> unverifiedRejectedDomains) {
            this(tenantId, tenantUrl, scimEnabled, tokenCreated, tokenLastUsed, lastRequest, activeUsers,
                    suspendedUsers, groups, rejectedLastDay, coverage, unverifiedRejectedDomains, null, null);
        }
    }

    /**
     * {@code outage}: while the service refuses changes because it cannot use its storage, the reason, as in
     * {@link Overview#storageOutage()}; null otherwise.
     */
    record StorageState(Reason outage) {
    }

    /** A secret token that works now: when it was created and last used, and when it stops working (null: not set). */
    record TokenInfo(Instant created, Instant lastUsed, Instant expires) {
    }

    /** An OAuth client Entra uses, with its live client secrets, oldest first (two during a rotation). */
    record OAuthClientInfo(String clientId, Instant created, List<ClientSecretInfo> secrets) {
        public OAuthClientInfo {
            secrets = secrets == null ? List.of() : List.copyOf(secrets);
        }
    }

    /** A live client secret's metadata (never the secret): when it was created, stops working and was last used. */
    record ClientSecretInfo(String id, Instant created, Instant expires, Instant lastUsed) {
    }

    /** What the owner pastes into Entra for the client credentials grant; the secret is shown once. */
    record NewClientSecret(String tenantUrl, String tokenEndpoint, String clientId, String clientSecret,
            Instant expiresAt) {
        @Override
        public String toString() {
            return "NewClientSecret[clientId=" + clientId + ", clientSecret=(hidden), expiresAt=" + expiresAt + "]";
        }
    }

    record MappingCoverage(long users, long userName, long displayName, long title, long workEmail, long department) {
    }

    enum UserStatus { ANY, ACTIVE, SUSPENDED }

    /**
     * {@code search} matches userName or displayName (contains, any case); {@code domain} is the domain of the
     * userName or of any e-mail address.
     */
    record UserQuery(String search, UserStatus status, String domain, String sortBy, boolean descending, int startIndex,
            int count, String cursor) {
        public UserQuery(String search, UserStatus status, String domain, String sortBy, boolean descending,
                int startIndex, int count) {
            this(search, status, domain, sortBy, descending, startIndex, count, null);
        }

        /** The same criteria's page that {@code cursor} (a page's next or previous cursor) leads to. */
        public UserQuery at(String cursor) {
            return new UserQuery(search, status, domain, sortBy, descending, startIndex, count, cursor);
        }
    }

    /** {@code canSignIn} is false for a user with no e-mail address at all (accepted, but flagged). */
    record UserRow(String id, String userName, String displayName, String email, String title, String department,
            boolean active, boolean canSignIn, List<String> groups, Instant lastModified) {
    }

    /**
     * {@code moreThanTotal}: a search counted its matches only up to {@code totalResults} and there are more (counting
     * every match of a short search on each keystroke is what does not scale). {@code nextCursor} and
     * {@code previousCursor} (null when there is no such page): opaque tokens for the pages after and before this one
     * (keyset pages: each is found by the sort key of the row next to it, however deep in the list); the total is
     * the one counted on the query's first page, not counted again.
     */
    record UserPage(long totalResults, int startIndex, List<UserRow> users, boolean moreThanTotal, String nextCursor,
            String previousCursor) {
        public UserPage(long totalResults, int startIndex, List<UserRow> users, boolean moreThanTotal) {
            this(totalResults, startIndex, users, moreThanTotal, null, null);
        }

        public UserPage(long totalResults, int startIndex, List<UserRow> users) {
            this(totalResults, startIndex, users, false);
        }
    }

    /** One user in full; {@code resource} is its SCIM JSON text as Entra would read it. */
    record UserDetail(UserRow row, String givenName, String familyName, String employeeNumber, String managerId,
            Instant created, Instant suspendedSince, String resource) {
    }

    record GroupRow(String id, String displayName, String externalId, long memberCount, Instant lastModified) {
    }

    /** {@code search}: the name contains it (any case); {@code cursor}: as in {@link UserQuery}. */
    record GroupQuery(String search, int startIndex, int count, String cursor) {
        /** The same search's page that {@code cursor} (a page's next or previous cursor) leads to. */
        public GroupQuery at(String cursor) {
            return new GroupQuery(search, startIndex, count, cursor);
        }
    }

    /** By name; the cursors and the total as in {@link UserPage} (a group's name is never missing). */
    record GroupPage(long totalResults, int startIndex, List<GroupRow> groups, String nextCursor,
            String previousCursor) {
        public GroupPage(long totalResults, int startIndex, List<GroupRow> groups) {
            this(totalResults, startIndex, groups, null, null);
        }
    }

    enum Outcome { ANY, SUCCESS, REJECTED }

    record ActivityQuery(Outcome outcome, String text, int limit) {
    }

    /**
     * One entry of the provisioning log. {@code reason} says why, as a code and its arguments; {@code detail} is
     * set only on entries written by an earlier version (its English text, also the reason's argument).
     * {@code clientAddress} is the address the SCIM request came from (Entra's, when a trusted proxy forwarded it);
     * null for the owner's own actions and for entries written before it was recorded.
     */
    record ActivityEntry(long seq, Instant time, String operation, String resource, String resourceId, String userName,
            String outcome, Reason reason, String detail, String clientAddress, AttributeHistory history) {
        /** An entry without attribute history: a refusal, or one whose history was purged or never recorded. */
        public ActivityEntry(long seq, Instant time, String operation, String resource, String resourceId,
                String userName, String outcome, Reason reason, String detail, String clientAddress) {
            this(seq, time, operation, resource, resourceId, userName, outcome, reason, detail, clientAddress, null);
        }
    }

    /**
     * What a successful write changed and the request it came from ({@code requestId}: Entra's
     * {@code client-request-id}, null when absent). No changes: the request changed nothing.
     */
    record AttributeHistory(String requestId, List<AttributeChange> changes) {
        public AttributeHistory {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }

    /**
     * One attribute's old and new value (null: none); a group's member added or removed is {@code members} with the
     * member's id as its new or old value, only for a member who really joined or left ({@code "*"} old: every member
     * removed at once, as entries written by earlier versions say).
     */
    record AttributeChange(String attribute, @JsonProperty("old") String before, @JsonProperty("new") String after) {
    }

    /**
     * The admin API's shape of the history retention setting, and the days a service accepts (ten years at most:
     * longer is more likely a mistake in the number than a policy).
     */
    record HistorySettings(int retentionDays) {
        public static final int MIN_DAYS = 1;
        public static final int MAX_DAYS = 3650;
    }

    /**
     * A registered domain: the record to publish and the last stored verification. {@code summary} is what the last
     * check found and {@code diagnoses} what is wrong with the record (both null and empty before the first check).
     * {@code verificationEnds} is set while a verified domain's record is missing: it stays verified until then (the
     * grace period), unless the record comes back.
     */
    record DomainEntry(String domain, String recordType, String recordName, String recordValue, String status,
            Reason summary, List<DomainDiagnosis> diagnoses, Instant lastChecked, Instant nextCheck, Instant verifiedAt,
            Instant verificationEnds) {
        public DomainEntry {
            diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        }
    }

    /** One thing wrong with a domain's record and what to do about it; {@code kind} names it, e.g. OTHER_VALUE. */
    record DomainDiagnosis(String kind, Reason problem, Reason fix) {
    }

    /** A federation trust to add; {@code keysUrl} null means Microsoft's published keys of {@code entraTenant}. */
    record NewFederationTrust(String entraTenant, String subject, String audience, String keysUrl) {
    }

    /** A trust just added: Entra's Token Endpoint and Client Identifier fields (no secret exists). */
    record FederationTrustAdded(String tokenEndpoint, String clientId, String keysUrl) {
    }

    /** A live trust; {@code lastUsedAt} null until a token was issued for it. */
    record FederationTrust(String clientId, String entraTenant, String subject, String audience, String keysUrl,
            Instant createdAt, Instant lastUsedAt) {
    }
}
