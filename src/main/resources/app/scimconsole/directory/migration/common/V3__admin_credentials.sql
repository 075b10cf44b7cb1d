-- Credentials for the console's admin API of a headless service (the embedded console uses a per-process
-- credential that is never stored). Only the SHA-256 digest of each credential is kept.
CREATE TABLE admin_credentials (
    id         TEXT PRIMARY KEY,
    hash       TEXT NOT NULL,
    label      TEXT,
    created    TEXT NOT NULL,
    last_used  TEXT
);
