-- The directory schema. Resources are kept as their SCIM JSON document (doc) plus the columns that
-- queries, uniqueness and Entra's lookups need; the application derives those columns from doc.
-- Timestamps are fixed-width UTC text (2024-01-31T12:00:00.000Z) so that text order is time order.
-- Portable to PostgreSQL except activity.seq (SQLite's rowid alias; PostgreSQL needs an identity).

CREATE TABLE tenants (
    id           VARCHAR(36) NOT NULL PRIMARY KEY,
    scim_enabled BOOLEAN     NOT NULL DEFAULT FALSE,
    created      VARCHAR(24) NOT NULL
);
CREATE INDEX tenants_by_created ON tenants (created, id);

-- Only a hash of each secret is kept (hex text, portable where BLOB/BYTEA are not).
CREATE TABLE tokens (
    id        VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id VARCHAR(36)  NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    hash      VARCHAR(128) NOT NULL,
    created   VARCHAR(24)  NOT NULL,
    last_used VARCHAR(24),
    expires   VARCHAR(24)
);
CREATE INDEX tokens_by_tenant ON tokens (tenant_id, expires);

CREATE TABLE users (
    tenant_id       VARCHAR(36) NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id              VARCHAR(36) NOT NULL PRIMARY KEY,
    user_name       TEXT        NOT NULL,
    user_name_lc    TEXT        NOT NULL,
    external_id     TEXT,
    display_name    TEXT,
    display_name_lc TEXT,
    active          BOOLEAN     NOT NULL DEFAULT TRUE,
    manager_id      TEXT,
    created         VARCHAR(24) NOT NULL,
    last_modified   VARCHAR(24) NOT NULL,
    version         BIGINT      NOT NULL,
    doc             TEXT        NOT NULL
);
CREATE UNIQUE INDEX users_by_user_name ON users (tenant_id, user_name_lc);
CREATE INDEX users_by_external_id ON users (tenant_id, external_id);
CREATE INDEX users_by_manager ON users (tenant_id, manager_id);
CREATE INDEX users_by_created ON users (tenant_id, created, id);

CREATE TABLE groups (
    tenant_id       VARCHAR(36) NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id              VARCHAR(36) NOT NULL PRIMARY KEY,
    display_name    TEXT        NOT NULL,
    display_name_lc TEXT        NOT NULL,
    external_id     TEXT,
    created         VARCHAR(24) NOT NULL,
    last_modified   VARCHAR(24) NOT NULL,
    version         BIGINT      NOT NULL,
    doc             TEXT        NOT NULL
);
CREATE UNIQUE INDEX groups_by_display_name ON groups (tenant_id, display_name_lc);
CREATE INDEX groups_by_external_id ON groups (tenant_id, external_id);
CREATE INDEX groups_by_created ON groups (tenant_id, created, id);

-- Members are users; deleting either side removes the membership.
CREATE TABLE group_members (
    group_id  VARCHAR(36) NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    member_id VARCHAR(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, member_id)
);
CREATE INDEX group_members_by_member ON group_members (member_id);

-- No foreign key to tenants: failed sign-ins name tenants that may not exist.
CREATE TABLE activity (
    seq         INTEGER PRIMARY KEY,
    time        VARCHAR(24) NOT NULL,
    tenant_id   VARCHAR(36),
    operation   TEXT        NOT NULL,
    resource    TEXT,
    resource_id TEXT,
    user_name   TEXT,
    outcome     TEXT        NOT NULL,
    detail      TEXT
);
CREATE INDEX activity_by_tenant ON activity (tenant_id, seq);
