-- The result of every check of a registered domain, so the console can show how verification went over time
-- (the domains table keeps only the latest). DomainStore appends a row in the same transaction that saves the
-- check, and keeps the newest few hundred per domain. Times are epoch milliseconds (UTC), as in domains.
-- seq orders checks saved within the same millisecond (SQLite's rowid alias, like activity.seq).
CREATE TABLE domain_checks (
    seq         INTEGER PRIMARY KEY,
    tenant_id   TEXT    NOT NULL,
    domain      TEXT    NOT NULL,  -- canonical, as domains.domain
    checked_at  BIGINT  NOT NULL,
    status      TEXT    NOT NULL,  -- the domain's status right after this check (see domains.status)
    detail      TEXT               -- plain-language result of this check
);

CREATE INDEX domain_checks_by_domain ON domain_checks (tenant_id, domain, checked_at);
