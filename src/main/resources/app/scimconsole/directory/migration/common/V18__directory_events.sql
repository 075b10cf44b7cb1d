-- Directory events (issue 20 item 2): every committed change of a tenant's users, groups and memberships as an
-- event, written in the write's own transaction beside its activity entry and attribute history. The pull feed
-- (/events/v1/<tenant>) pages them by id; a webhook delivery (later) reads the same rows: its per-endpoint state
-- (a cursor, or a row per endpoint and event id) refers to (tenant_id, id) here and needs nothing more of this table.
--
-- Ids are numbered per tenant by event_sequences, whose row the write locks (an upsert) as its last statement and
-- keeps locked until it commits. A second writer of the same tenant waits for that lock, so an event never
-- becomes visible after one with a larger id: a reader paging "id > cursor" cannot skip an event that commits
-- late with a smaller id, on PostgreSQL with several instances as on SQLite (where writes are serial anyway).
-- Ids have no gaps: a write that rolls back rolls its numbers back too.
CREATE TABLE event_sequences (
    tenant_id VARCHAR(36) NOT NULL PRIMARY KEY,
    last_id   BIGINT      NOT NULL
);

-- resource: the resource's SCIM representation after the change (before it, for a delete), without secrets and
-- without its location (the feed adds it from the service's public URL); previous: the old values of the
-- top-level attributes that changed (JSON object); member_id: the user who joined or left, in a membership's
-- event (group.member_added, group.member_removed). Purged with the attribute history, after its retention period.
CREATE TABLE directory_events (
    tenant_id     VARCHAR(36) NOT NULL,
    id            BIGINT      NOT NULL,
    time          VARCHAR(24) NOT NULL,
    type          VARCHAR(40) NOT NULL,
    resource_type VARCHAR(16) NOT NULL,
    resource_id   TEXT        NOT NULL,
    resource      TEXT        NOT NULL,
    previous      TEXT        NOT NULL,
    member_id     TEXT,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX directory_events_time ON directory_events (tenant_id, time);

-- Read-only credentials of the event feed, per tenant: only the SHA-256 digest (hex) of each is kept.
CREATE TABLE event_readers (
    id        VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id VARCHAR(36)  NOT NULL,
    hash      VARCHAR(128) NOT NULL,
    label     TEXT,
    created   VARCHAR(24)  NOT NULL
);
CREATE INDEX event_readers_by_tenant ON event_readers (tenant_id);
