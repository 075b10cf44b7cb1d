package app.scimconsole.domains;

import java.time.Instant;

/**
 * A domain registered by a tenant: its challenge, its state, and what the last check found.
 *
 * @param findings    what the last check found; null before the first check
 * @param lastChecked null before the first check
 */
public record DomainRecord(String tenantId, Challenge challenge, DomainState state, Findings findings,
        Instant created, Instant lastChecked) {

    public DomainName domain() {
        return challenge.domain();
    }

    public DomainStatus status() {
        return state.status();
    }

    /** This registration after a check at {@code at}. */
    public DomainRecord checked(DomainState newState, Findings found, Instant at) {
        return new DomainRecord(tenantId, challenge, newState, found, created, at);
    }
}
