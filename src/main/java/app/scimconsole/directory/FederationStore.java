package app.scimconsole.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tenants' workload identity federation trusts (issue 19 method 3) and the assertions already used. A trust is an
 * OAuth client without a secret, so its access tokens are the client credentials grant's and its removal is the
 * client's. Each method is one transaction, read from the database every time: every instance on one PostgreSQL
 * database sees a trust removed, or an assertion used, at once.
 */
public interface FederationStore {
    /**
     * A trust: the client Entra names, the Entra tenant whose keys sign its assertions, the subject and audience they
     * must carry and where the keys are published. {@code removed} is set once the owner removed it.
     */
    record Trust(String clientId, String tenantId, String entraTenant, String subject, String audience,
            String keysUrl, Instant created, Instant lastUsed, Instant removed) {
    }

    /** Adds a trust with its client, in one transaction. */
    Trust addTrust(String tenantId, String clientId, String entraTenant, String subject, String audience,
            String keysUrl);

    /** The tenant's trusts that were not removed, oldest first. */
    List<Trust> trusts(String tenantId);

    /** The trust of this client, removed or not; empty when the client is no trust. */
    Optional<Trust> trust(String clientId);

    /** Removes a live trust of the tenant: its access tokens are refused from now on. False when there is none. */
    boolean removeTrust(String tenantId, String clientId, Instant now);

    /**
     * Records that the assertion {@code jti} of this client was used; false when it already was (a replay). Used
     * assertions that expired before {@code now} are forgotten first: past its expiry an assertion is refused anyway.
     */
    boolean firstUse(String clientId, String jti, Instant expires, Instant now);

    void recordUse(String clientId, Instant when);
}
