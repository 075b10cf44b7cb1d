-- Issue 20 item 3, PostgreSQL only: a write no longer numbers its events in its own transaction. Numbering there
-- (V18: an upsert of the tenant's event_sequences row as the write's last statement) held that row's lock through
-- the write's COMMIT, so one tenant's writes committed one at a time, each with a WAL flush of its own, where
-- PostgreSQL would flush the commits of concurrent writes together.
--
-- Now a write stores its events here, unnumbered, in its own transaction (durable with it; no tenant-wide lock:
-- seq comes from a sequence, which never waits). Right after its commit, it numbers every committed pending event
-- of its tenant in a short transaction of its own under the tenant's advisory lock, moving them into
-- directory_events with the next ids (in seq order) and advancing event_sequences. Those numbering transactions run
-- one at a time per tenant and commit before the next takes the lock, so ids still become visible in increasing
-- order, without gaps, and a reader paging "id > cursor" still never skips one; one numbering moves the events of
-- every write committed meanwhile, so the tenant's writes share its flush. A writer whose events another moved
-- meanwhile writes nothing. What a crash between the two transactions leaves here is numbered by the next write of
-- the tenant or by a background pass on any instance (rows queued a few seconds ago or more).
--
-- Two writes of one resource never overlap (the second waits for the first's row lock, and stores its events only
-- after it), so the second's events have the larger seq: ordering by seq keeps each resource's events in the order
-- of its writes. SQLite keeps V18's way: its writes are serial and committed in groups already.
CREATE TABLE pending_events (
    seq           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     VARCHAR(36) NOT NULL,
    queued_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    time          VARCHAR(24) NOT NULL,
    type          VARCHAR(40) NOT NULL,
    resource_type VARCHAR(16) NOT NULL,
    resource_id   TEXT        NOT NULL,
    resource      TEXT        NOT NULL,
    previous      TEXT        NOT NULL,
    member_id     TEXT
);
CREATE INDEX pending_events_by_tenant ON pending_events (tenant_id, seq);
