package app.scimconsole.directory;

import app.scimconsole.directory.Directory.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tenants' webhook endpoints and each one's delivery state beside the outbox (the directory events). Each method
 * is one transaction. An endpoint is delivered by the instance holding its lease; every change of its delivery state
 * is made only by that holder, so an instance whose lease expired (killed, or stuck) changes nothing any more.
 */
public interface WebhookStore {
    /**
     * An endpoint: where it is, the event types it wants (empty: all), the key that signs its deliveries, the last
     * event id it acknowledged or did not want ({@code deliveredId}), the failed attempts at the next event
     * ({@code attempts}) since {@code failingSince} (null while deliveries succeed), when the next is due
     * ({@code nextAttempt}, null: now), its last acknowledged delivery and the last failure's short description.
     */
    record Endpoint(String id, String tenantId, String url, List<String> eventTypes, String secret, Instant created,
            long deliveredId, int attempts, Instant failingSince, Instant nextAttempt, Instant lastSuccess,
            String lastError) {
        @Override
        public String toString() {
            return "Endpoint[id=" + id + ", url=" + url + ", eventTypes=" + eventTypes + ", secret=(hidden), deliveredId="
                    + deliveredId + ", attempts=" + attempts + "]";
        }
    }

    /**
     * Adds an endpoint that receives the tenant's events committed from now on: its cursor starts at the tenant's
     * last event id.
     */
    Endpoint add(String tenantId, String url, List<String> eventTypes, String secret);

    /** The tenant's endpoints, oldest first. */
    List<Endpoint> endpoints(String tenantId);

    /** Removes the tenant's endpoint {@code id}; false when it has none of that id. */
    boolean remove(String tenantId, String id);

    /** How many events wait for the endpoint: after its cursor, of the types it wants. */
    long backlog(Endpoint endpoint);

    /** Every tenant's endpoints whose next attempt is due at {@code now} and whose lease is free or expired. */
    List<Endpoint> due(Instant now);

    /**
     * Takes the endpoint's lease for {@code owner} until {@code until} if it is free or expired at {@code now} (or
     * already {@code owner}'s), and returns the endpoint as it is now; empty when another instance holds it or it was
     * removed.
     */
    Optional<Endpoint> lease(String id, String owner, Instant now, Instant until);

    /** The next events for the endpoint: after its cursor, of the types it wants, oldest first, at most {@code limit}. */
    List<Event> pending(Endpoint endpoint, int limit);

    /**
     * Records that event {@code eventId} was acknowledged at {@code now}: the cursor moves to it, the failures are
     * cleared and the lease runs until {@code until}. False when {@code owner} no longer holds the lease (nothing is
     * changed then).
     */
    boolean delivered(String id, String owner, long eventId, Instant now, Instant until);

    /**
     * Records a failed attempt at {@code now}: one more attempt, failing since now unless already, the next attempt
     * at {@code next}, the failure's description; and gives the lease up. False when {@code owner} no longer held it.
     */
    boolean failed(String id, String owner, Instant now, Instant next, String error);

    /** Gives the lease up if {@code owner} holds it. */
    void release(String id, String owner);
}
