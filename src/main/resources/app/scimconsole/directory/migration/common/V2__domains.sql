-- E-mail domains registered by tenants, with their DNS challenge and verification state.
-- tenant_id refers to tenants(id) (created by V1); no foreign key, so this migration also runs on its own.
-- Times are epoch milliseconds (UTC).
CREATE TABLE domains (
    tenant_id     TEXT    NOT NULL,
    domain        TEXT    NOT NULL,  -- canonical: lower case, punycode, no trailing dot
    record_name   TEXT    NOT NULL,
    record_value  TEXT    NOT NULL,  -- not a secret: it is published in public DNS
    status        TEXT    NOT NULL,  -- PENDING, MISMATCH, ERROR, VERIFIED, EXPIRED, LOST
    detail        TEXT,              -- plain-language result of the last check
    created       BIGINT  NOT NULL,
    window_start  BIGINT  NOT NULL,  -- start of the current 72-hour pending window
    last_checked  BIGINT,
    verified_at   BIGINT,
    lost_since    BIGINT,            -- first check that no longer found the record of a verified domain
    next_check    BIGINT,            -- null: no automatic re-check (EXPIRED)
    attempts      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, domain)
);

-- A domain can be verified by one tenant only.
CREATE UNIQUE INDEX domains_verified_once ON domains (domain) WHERE status = 'VERIFIED';

CREATE INDEX domains_next_check ON domains (next_check);
