package app.scimconsole.domains;

import java.time.Instant;

/**
 * One stored check of a domain, for its history.
 *
 * @param status   the domain's status right after the check: shows when it turned VERIFIED, EXPIRED or LOST, while
 *                 {@code findings} say what the check itself found
 * @param findings what the check found
 */
public record DomainCheck(Instant checkedAt, DomainStatus status, Findings findings) {
}
