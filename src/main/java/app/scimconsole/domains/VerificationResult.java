package app.scimconsole.domains;

import java.time.Instant;
import java.util.List;

/**
 * The result of one check of a domain's challenge record.
 *
 * @param summary              what was found, in one reason
 * @param diagnoses            specific problems found and how to fix them (also warnings when verified)
 * @param servers              one row per server asked
 * @param notFoundCachedUntil  when the record is not found: resolvers that asked before it was published may
 *                             keep answering "not found" until this time (the zone's negative-caching TTL from
 *                             now); null when unknown or not relevant
 */
public record VerificationResult(String domain, VerificationStatus status, DomainReason summary,
        List<Diagnosis> diagnoses, List<ServerCheck> servers, Instant checkedAt, Instant notFoundCachedUntil) {

    public VerificationResult {
        diagnoses = List.copyOf(diagnoses);
        servers = List.copyOf(servers);
    }

    public boolean isVerified() {
        return status == VerificationStatus.VERIFIED;
    }

    /** The summary and the diagnoses: what is stored with the domain. */
    public Findings findings() {
        return new Findings(summary, diagnoses);
    }
}
