package app.scimconsole.directory;

import app.scimconsole.directory.Directory.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints on the directory's database, each operation one transaction. */
final class SqlWebhookStore implements WebhookStore {
    private final SqlDirectory db;

    /** The data folder's lock of the process that delivers the webhooks (SQLite). */
    static final String DELIVERY = "webhook-delivery";

    SqlWebhookStore(SqlDirectory db) {
        this.db = db;
    }

    @Override
    public int freeLeasesIfAlone() {
        return db.holdsAlone(DELIVERY) ? db.write(WebhookRows::releaseAll) : 0;
    }

    @Override
    public Endpoint add(String tenantId, String url, List<String> eventTypes, String secret) {
        db.numberCommitted(tenantId); // "from now on": the events committed before it are not its
        return db.write(c -> WebhookRows.add(c, tenantId, url, eventTypes, secret, db.now()));
    }

    @Override
    public List<Endpoint> endpoints(String tenantId) {
        return db.readOne(c -> WebhookRows.of(c, tenantId));
    }

    @Override
    public boolean remove(String tenantId, String id) {
        return db.write(c -> WebhookRows.remove(c, tenantId, id));
    }

    @Override
    public EventBounds eventBounds(String tenantId) {
        db.numberCommitted(tenantId);
        return db.readOne(c -> WebhookRows.bounds(c, tenantId));
    }

    @Override
    public boolean moveCursor(String tenantId, String id, long after) {
        return db.write(c -> WebhookRows.moveCursor(c, tenantId, id, after));
    }

    @Override
    public boolean rotateSecret(String tenantId, String id, String secret, Instant overlapUntil) {
        return db.write(c -> WebhookRows.rotateSecret(c, tenantId, id, secret, overlapUntil));
    }

    @Override
    public long backlog(Endpoint endpoint) {
        db.numberCommitted(endpoint.tenantId());
        return db.readOne(c -> WebhookRows.backlog(c, endpoint));
    }

    @Override
    public List<Endpoint> due(Instant now) {
        return db.readOne(c -> WebhookRows.due(c, now));
    }

    @Override
    public Optional<Endpoint> lease(String id, String owner, Instant now, Instant until) {
        return db.write(c -> WebhookRows.lease(c, id, owner, now, until));
    }

    @Override
    public List<Event> pending(Endpoint endpoint, int limit) {
        db.numberCommitted(endpoint.tenantId());
        return db.readOne(c -> WebhookRows.pending(c, endpoint, limit));
    }

    @Override
    public boolean delivered(String id, String owner, int generation, long eventId, Instant now, Instant until) {
        return db.write(c -> WebhookRows.delivered(c, id, owner, generation, eventId, now, until));
    }

    @Override
    public boolean failed(String id, String owner, int generation, Instant now, Instant next, String error) {
        return db.write(c -> WebhookRows.failed(c, id, owner, generation, now, next, error));
    }

    @Override
    public void release(String id, String owner) {
        db.write(c -> WebhookRows.release(c, id, owner));
    }
}
