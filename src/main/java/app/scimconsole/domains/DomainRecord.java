package app.scimconsole.domains;

import java.time.Instant;

/**
 * A domain registered by a tenant: its challenge, its state, and the last check's plain-language result.
 *
 * @param detail      what the last check found, for people; null before the first check
 * @param lastChecked null before the first check
 */
public record DomainRecord(String tenantId, Challenge challenge, DomainState state, String detail, Instant created,
        Instant lastChecked) {

    public DomainName domain() {
        return challenge.domain();
    }

    public DomainStatus status() {
        return state.status();
    }

    /** This registration after a check at {@code at}. */
    public DomainRecord checked(DomainState newState, String newDetail, Instant at) {
        return new DomainRecord(tenantId, challenge, newState, newDetail, created, at);
    }
}
