package app.scimconsole.domains;

import java.time.Instant;

/**
 * One stored check of a domain, for its history.
 *
 * @param status the domain's status right after the check: shows when it turned VERIFIED, EXPIRED or LOST, while
 *               {@code detail} says what the check itself found
 * @param detail the check's plain-language result
 */
public record DomainCheck(Instant checkedAt, DomainStatus status, String detail) {
}
