-- Webhook endpoints (issue 20 item 2, push): the directory_events table (V18) is the outbox, written in the write's
-- own transaction; an endpoint only keeps its delivery state beside it. delivered_id is the last event id the
-- endpoint acknowledged (2xx) or did not subscribe to: the next delivery is the first event after it whose type the
-- endpoint asked for, so events reach it one at a time, in id order (hence in order per resource).
--
-- secret: the HMAC-SHA256 key that signs the deliveries. Unlike a credential that the service checks (kept only as a
-- digest), the service must sign with the key itself, so it is kept as issued, in this database like the data it
-- protects (the data folder is 0700 and the SQLite file 0600; on PostgreSQL, the database's own access rules).
--
-- failing_since: the first failed attempt of the current run of failures (null while deliveries succeed);
-- next_attempt: when the next retry is due (null: now). lease_owner / lease_until: the instance delivering the
-- endpoint now; another instance takes the endpoint only once lease_until has passed (an instance killed mid-delivery
-- holds it no longer than that), so on PostgreSQL with several instances one instance at a time delivers it.
CREATE TABLE webhook_endpoints (
    id            VARCHAR(36) NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(36) NOT NULL,
    url           TEXT        NOT NULL,
    event_types   TEXT        NOT NULL,
    secret        TEXT        NOT NULL,
    created       VARCHAR(24) NOT NULL,
    delivered_id  BIGINT      NOT NULL,
    attempts      INTEGER     NOT NULL,
    failing_since VARCHAR(24),
    next_attempt  VARCHAR(24),
    last_success  VARCHAR(24),
    last_error    TEXT,
    lease_owner   VARCHAR(36),
    lease_until   VARCHAR(24)
);
CREATE INDEX webhook_endpoints_by_tenant ON webhook_endpoints (tenant_id);
