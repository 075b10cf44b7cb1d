package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.Directory;
import app.scimconsole.directory.FederationStore;
import app.scimconsole.directory.FederationStore.Trust;
import app.scimconsole.scim.StorableText;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The owner's side of workload identity federation (issue 19 method 3): trusts in the organization's Entra tenant,
 * each an OAuth client without any secret. Shared by the CLI and the admin API, so a trust is checked in one place.
 */
public final class FederationTrusts {
    static final String TRUST_ADDED = "activity.federationTrustAdded";
    static final String TRUST_REMOVED = "activity.federationTrustRemoved";
    /** args: what was given. */
    static final String ENTRA_TENANT_INVALID = "admin.federation.entraTenantInvalid";
    /** args: the option's name ({@code subject} or {@code audience}). */
    static final String VALUE_INVALID = "admin.federation.valueInvalid";
    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_SUBJECT = 256;
    private static final int MAX_AUDIENCE = 512;

    private final Directory directory;
    private final FederationStore store;
    private final KeySetAddress keysPolicy;
    private final Clock clock;
    private final ActivityRecorder activity;

    public FederationTrusts(Directory directory, FederationStore store, KeySetAddress keysPolicy, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.keysPolicy = keysPolicy;
        this.clock = clock;
        this.activity = new ActivityRecorder(directory, clock);
    }

    /** A new trust: what the owner pastes into Entra is the tenant's token endpoint and this client id. */
    public record Added(String tenantId, String clientId, String keysUrl) {
    }

    /** A live trust as listed. */
    public record Listed(String clientId, String entraTenant, String subject, String audience, String keysUrl,
            Instant createdAt, Instant lastUsedAt) {
    }

    /**
     * Adds a trust in the Entra tenant {@code entraTenant} (its GUID) for assertions with this subject and audience,
     * whose keys are at {@code keysUrl} (null: Microsoft's for that tenant).
     */
    public Added add(String entraTenant, String subject, String audience, String keysUrl) {
        String tid = entraTenant == null ? "" : entraTenant.strip().toLowerCase(Locale.ROOT);
        if (!GUID.matcher(tid).matches()) {
            throw new FederationInputException(Reason.of(ENTRA_TENANT_INVALID, entraTenant),
                    "The Entra tenant ID must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47.");
        }
        String sub = required("subject", subject, MAX_SUBJECT);
        String aud = withoutScopeSuffix(required("audience", audience, MAX_AUDIENCE));
        String keys = keysUrl == null || keysUrl.isBlank() ? KeySetAddress.entraDefault(tid) : keysUrl.strip();
        keysPolicy.require(keys);
        String tenantId = OAuthClients.enabledTenant(directory);
        String clientId = "wif-" + SecretTokens.generate().substring(0, 22);
        store.addTrust(tenantId, clientId, tid, sub, aud, keys);
        activity.ownerAction(tenantId, "FEDERATION_TRUST_ADD", Reason.of(TRUST_ADDED, clientId, tid));
        return new Added(tenantId, clientId, keys);
    }

    public List<Listed> list() {
        return directory.defaultTenant().map(t -> store.trusts(t.id())).orElse(List.of()).stream()
                .map(FederationTrusts::listed).toList();
    }

    /** Removes a trust: its access tokens stop working and no assertion is accepted for it, on every instance. */
    public boolean remove(String clientId) {
        String tenantId = directory.defaultTenant().map(Directory.Tenant::id).orElse(null);
        boolean removed = tenantId != null && store.removeTrust(tenantId, clientId, clock.instant());
        if (removed) {
            activity.ownerAction(tenantId, "FEDERATION_TRUST_REMOVE", Reason.of(TRUST_REMOVED, clientId));
        }
        return removed;
    }

    /** Entra shows the audience as the scope it asks for, {@code api://<app id>/.default}; its tokens' aud lacks it. */
    static String withoutScopeSuffix(String audience) {
        return audience.endsWith("/.default") && audience.length() > "/.default".length()
                ? audience.substring(0, audience.length() - "/.default".length()) : audience;
    }

    private static Listed listed(Trust t) {
        return new Listed(t.clientId(), t.entraTenant(), t.subject(), t.audience(), t.keysUrl(), t.created(),
                t.lastUsed());
    }

    private static String required(String name, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max || !StorableText.isStorable(v)) {
            throw new FederationInputException(Reason.of(VALUE_INVALID, name),
                    "The " + name + " must be given as printable text of at most " + max + " characters.");
        }
        return v;
    }
}
