package app.scimconsole.domains;

import java.time.Instant;

/**
 * The verification state of a registered domain, as the re-check schedule sees it.
 *
 * @param windowStart when the current pending window opened (registration, or a manual check after EXPIRED)
 * @param verifiedAt  when the domain was first verified in its current verified period, else null
 * @param lostSince   for a verified domain: the first check that no longer found the record, else null
 * @param nextCheck   when to check automatically next; null for none
 * @param attempts    checks since the window opened (pending), or failed checks in a row (verified)
 */
public record DomainState(DomainStatus status, Instant windowStart, Instant verifiedAt, Instant lostSince,
        Instant nextCheck, int attempts) {

    /** True while the SCIM service may accept users of this domain. */
    public boolean isVerified() {
        return status == DomainStatus.VERIFIED;
    }
}
