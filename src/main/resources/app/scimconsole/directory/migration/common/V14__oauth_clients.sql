-- OAuth 2.0 client credentials (RFC 6749 §4.4, issue 19 method 2). As with secret tokens, only a SHA-256 digest of
-- each client secret and access token is kept (hex text); the secrets themselves are shown once and never stored.
-- A removed client keeps its row (removed set) so that a refused access token can be told "revoked", not "unknown".

-- How long the tenant's access tokens live, in minutes (60–360, checked by the service).
ALTER TABLE tenants ADD COLUMN access_token_minutes INTEGER NOT NULL DEFAULT 60;

CREATE TABLE oauth_clients (
    id        VARCHAR(64) NOT NULL PRIMARY KEY,
    tenant_id VARCHAR(36) NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    created   VARCHAR(24) NOT NULL,
    removed   VARCHAR(24)
);
CREATE INDEX oauth_clients_by_tenant ON oauth_clients (tenant_id, created);

CREATE TABLE oauth_client_secrets (
    id        VARCHAR(36)  NOT NULL PRIMARY KEY,
    client_id VARCHAR(64)  NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    hash      VARCHAR(128) NOT NULL,
    created   VARCHAR(24)  NOT NULL,
    expires   VARCHAR(24)  NOT NULL,
    last_used VARCHAR(24)
);
CREATE INDEX oauth_client_secrets_by_client ON oauth_client_secrets (client_id, expires);

-- An access token is presented as "<id>.<secret>": found by id, then its digest compared in constant time.
CREATE TABLE oauth_access_tokens (
    id        VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id VARCHAR(36)  NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    client_id VARCHAR(64)  NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    hash      VARCHAR(128) NOT NULL,
    created   VARCHAR(24)  NOT NULL,
    expires   VARCHAR(24)  NOT NULL
);
CREATE INDEX oauth_access_tokens_by_expiry ON oauth_access_tokens (expires);
