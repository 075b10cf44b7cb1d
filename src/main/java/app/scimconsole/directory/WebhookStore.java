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
     * ({@code nextAttempt}, null: now), its last acknowledged delivery and the last failure's short description;
     * {@code generation}: how many times the owner moved the cursor (a delivery moves it only at the generation it
     * leased); {@code previousSecret}: the secret a rotation replaced, signing too until {@code previousSecretUntil}.
     */
    record Endpoint(String id, String tenantId, String url, List<String> eventTypes, String secret, Instant created,
            long deliveredId, int attempts, Instant failingSince, Instant nextAttempt, Instant lastSuccess,
            String lastError, int generation, String previousSecret, Instant previousSecretUntil) {
        /** The endpoint once event {@code eventId} was acknowledged at {@code at}: cursor moved, failures cleared. */
        public Endpoint acknowledged(long eventId, Instant at) {
            return new Endpoint(id, tenantId, url, eventTypes, secret, created, eventId, 0, null, null, at, lastError,
                    generation, previousSecret, previousSecretUntil);
        }

        @Override
        public String toString() {
            return "Endpoint[id=" + id + ", url=" + url + ", eventTypes=" + eventTypes + ", secret=(hidden), deliveredId="
                    + deliveredId + ", attempts=" + attempts + ", generation=" + generation + "]";
        }
    }

    /** The tenant's oldest event id still kept and its last event id (0 and 0: none yet; oldest 0: all purged). */
    record EventBounds(long oldestKept, long newest) {
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

    /** The ids of the tenant's events: the oldest kept and the newest. */
    EventBounds eventBounds(String tenantId);

    /**
     * Moves the cursor of the tenant's endpoint {@code id} to {@code after} and raises its generation, so that a
     * delivery in flight cannot move it back; its failed attempts are cleared and its next attempt is due now (the
     * time it has been failing since is kept). False when the tenant has none of that id.
     */
    boolean moveCursor(String tenantId, String id, long after);

    /**
     * Replaces the signing secret of the tenant's endpoint {@code id} with {@code secret}; the one it replaces signs
     * too until {@code overlapUntil}. False when the tenant has none of that id.
     */
    boolean rotateSecret(String tenantId, String id, String secret, Instant overlapUntil);

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
     * cleared and the lease runs until {@code until}. False when {@code owner} no longer holds the lease or the owner
     * moved the cursor since generation {@code generation} (nothing is changed then).
     */
    boolean delivered(String id, String owner, int generation, long eventId, Instant now, Instant until);

    /**
     * Records a failed attempt at {@code now}: one more attempt, failing since now unless already, the next attempt
     * at {@code next}, the failure's description; and gives the lease up. False when {@code owner} no longer held it
     * or the cursor was moved since generation {@code generation} (the failure was of an event no longer next).
     */
    boolean failed(String id, String owner, int generation, Instant now, Instant next, String error);

    /** Gives the lease up if {@code owner} holds it. */
    void release(String id, String owner);

    /**
     * Frees every endpoint's lease when no other live process can be delivering from this store, and keeps it so
     * while the store is open: on SQLite, once this process holds the data folder's delivery lock (a file lock the
     * operating system releases when its holder dies), so that a lease a killed process left is taken over at once
     * instead of after it expires; on PostgreSQL, shared by instances, never. How many leases were freed.
     */
    int freeLeasesIfAlone();
}
