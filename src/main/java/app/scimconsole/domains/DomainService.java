package app.scimconsole.domains;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What the CLI, the server's admin API and the console do with domains: register, check and store, list, show a
 * domain's check history, remove, and find the domains due for an automatic re-check.
 */
public final class DomainService {
    private static final int RECHECK_BATCH = 100;

    private final DomainRecords records;
    private final DnsChecker checker;
    private final RecheckPolicy policy;
    private final Clock clock;

    public DomainService(DomainRecords records, DnsChecker checker, Clock clock) {
        this.records = records;
        this.checker = checker;
        this.policy = new RecheckPolicy();
        this.clock = clock;
    }

    /** A check's stored outcome together with the full result (per-server rows, diagnoses). */
    public record Checked(DomainRecord record, VerificationResult result) {
    }

    /**
     * Registers a domain and returns its challenge. Adding a domain again returns the existing registration, so the
     * record the owner may already have published stays valid. Throws {@link InvalidDomainException}.
     */
    public DomainRecord add(String tenantId, String name) {
        DomainName domain = DomainName.parse(name);
        Instant now = clock.instant();
        DomainRecord fresh = new DomainRecord(tenantId, Challenge.issue(domain), policy.registered(now), null, now,
                null);
        records.insert(fresh);
        return records.find(tenantId, domain).orElseThrow(() -> new DomainNotRegisteredException(domain));
    }

    /**
     * Checks DNS now and stores the result. Throws {@link DomainNotRegisteredException},
     * {@link InvalidDomainException}, or {@link DomainConflictException} when the record is right but another
     * organization has the domain verified (the result is then stored as an error).
     */
    public Checked verify(String tenantId, String name) {
        DomainRecord current = registered(tenantId, name);
        return check(current);
    }

    /**
     * Re-checks one domain returned by {@link #dueForRecheck} and returns it as stored. A conflict with another
     * organization is stored as the check's result, not thrown: a background job has nobody to tell.
     */
    public DomainRecord recheck(DomainRecord due) {
        try {
            return check(due).record();
        } catch (DomainConflictException e) {
            return records.find(due.tenantId(), due.domain()).orElse(due);
        }
    }

    private Checked check(DomainRecord current) {
        VerificationResult result = checker.check(current.challenge());
        Instant now = result.checkedAt();
        DomainState next = policy.afterCheck(current.state(), result.status(), now);
        DomainRecord updated = current.checked(next, result.findings(), now);
        try {
            records.update(updated);
        } catch (DomainConflictException e) {
            DomainState asError = policy.afterCheck(current.state(), VerificationStatus.ERROR, now);
            records.update(current.checked(asError, Findings.of(e.reason()), now));
            throw e;
        }
        return new Checked(updated, result);
    }

    public List<DomainRecord> list(String tenantId) {
        return records.list(tenantId);
    }

    /**
     * The domain's stored checks, newest first, at most {@code limit} (up to {@link DomainRecords#HISTORY_KEPT}).
     * Throws {@link DomainNotRegisteredException} or {@link InvalidDomainException}.
     */
    public List<DomainCheck> history(String tenantId, String name, int limit) {
        DomainRecord current = registered(tenantId, name);
        return records.history(tenantId, current.domain(), limit);
    }

    /** Removes a registration; users already provisioned stay, new ones in this domain are refused. */
    public boolean remove(String tenantId, String name) {
        return records.remove(tenantId, DomainName.lookup(name));
    }

    /** Domains of all tenants whose automatic re-check is due, oldest first, at most a batch at a time. */
    public List<DomainRecord> dueForRecheck(Instant now) {
        return records.dueForRecheck(now, RECHECK_BATCH);
    }

    /** How long a claimed re-check is this instance's before another may take it over. */
    static final java.time.Duration RECHECK_LEASE = java.time.Duration.ofMinutes(5);

    /**
     * The due re-checks this instance won: of several instances on one database, each due domain is checked by
     * one of them.
     */
    public List<DomainRecord> claimDueRechecks(Instant now) {
        return dueForRecheck(now).stream().filter(d -> records.claimRecheck(d, now.plus(RECHECK_LEASE))).toList();
    }

    /**
     * For the SCIM service: may this tenant provision addresses in {@code domain}? Exact domain match (a verified
     * example.com does not cover mail.example.com). Text that is not a domain is false.
     */
    public boolean isVerified(String tenantId, String domain) {
        DomainName name;
        try {
            name = DomainName.parse(domain);
        } catch (InvalidDomainException e) {
            return false;
        }
        return records.isVerified(tenantId, name);
    }

    private DomainRecord registered(String tenantId, String name) {
        DomainName domain = DomainName.lookup(name);
        return records.find(tenantId, domain).orElseThrow(() -> new DomainNotRegisteredException(domain));
    }
}
