-- Workload identity federation (issue 19 method 3): Entra presents a JWT it signed (RFC 7523 §2.2) at the tenant's
-- token endpoint instead of a client secret. A trust is an OAuth client (oauth_clients: its id is Entra's Client
-- Identifier, its access tokens are method 2's) with no secret, only what the assertion must say and where the
-- signing keys are published. Removing the trust is removing its client (oauth_clients.removed).
CREATE TABLE federation_trusts (
    client_id    VARCHAR(64)   NOT NULL PRIMARY KEY REFERENCES oauth_clients (id) ON DELETE CASCADE,
    entra_tenant VARCHAR(36)   NOT NULL,
    subject      VARCHAR(256)  NOT NULL,
    audience     VARCHAR(512)  NOT NULL,
    keys_url     VARCHAR(2048) NOT NULL,
    last_used    VARCHAR(24)
);

-- The assertions already used, each kept until it expires: a second use of one (the same jti) is a replay. The
-- primary key makes the check one INSERT that only one instance can win, also across instances on PostgreSQL.
CREATE TABLE federation_assertions (
    client_id VARCHAR(64)  NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    jti       VARCHAR(256) NOT NULL,
    expires   VARCHAR(24)  NOT NULL,
    PRIMARY KEY (client_id, jti)
);
CREATE INDEX federation_assertions_by_expiry ON federation_assertions (expires);
