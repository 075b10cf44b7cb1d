package app.scimconsole.domains;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where registered domains and the history of their checks are kept. Each method is one transaction of the store;
 * a failure of the store itself is its own unchecked exception, not one of the outcomes declared here.
 */
public interface DomainRecords {
    /** Checks kept per domain: about three days of pending re-checks, or half a year of daily ones. */
    int HISTORY_KEPT = 200;

    /** Stores a new registration. Returns false when the tenant already registered the domain. */
    boolean insert(DomainRecord r);

    /**
     * Saves a check's result and adds it to the domain's history (see {@link #history}), both or neither; a domain
     * removed meanwhile stays removed and gets no history. Throws {@link DomainConflictException} when another
     * tenant has the domain verified: one tenant at most has a domain VERIFIED, also when two save at once.
     */
    void update(DomainRecord r);

    Optional<DomainRecord> find(String tenantId, DomainName domain);

    /** The tenant's domains, by name. */
    List<DomainRecord> list(String tenantId);

    /** Domains of all tenants whose automatic re-check is due at {@code now}, oldest first, at most {@code limit}. */
    List<DomainRecord> dueForRecheck(Instant now, int limit);

    /**
     * Claims a due re-check for this instance: moves its next check to {@code leaseUntil} only if no other
     * instance has moved it since it was read (several {@code serve} instances share one database). A claimed
     * domain whose check never completes is simply due again when the lease ends.
     */
    boolean claimRecheck(DomainRecord due, Instant leaseUntil);

    /** Removes the registration and its check history. Returns false when there was none. */
    boolean remove(String tenantId, DomainName domain);

    /** Whether the tenant has exactly this domain VERIFIED; asked on every user write, so one key lookup. */
    boolean isVerified(String tenantId, DomainName domain);

    /** The tenant that has {@code domain} verified, if any. */
    Optional<String> verifiedBy(DomainName domain);

    /**
     * The domain's stored checks, newest first, at most {@code limit} (at least 1) and never more than
     * {@link #HISTORY_KEPT}. Empty when the domain was never checked or is not registered.
     */
    List<DomainCheck> history(String tenantId, DomainName domain, int limit);
}
