-- Attribute history (issue 20): for each successful write's activity entry, the request it came from (Entra's
-- client-request-id header, when sent) and what it changed, attribute by attribute, old and new values as a JSON
-- array of {"attribute","old","new"} (empty: a PATCH that changed nothing). Values are personal data like the rows
-- they came from; secrets are never written here. Kept apart from the activity entry so that it can be purged
-- after its retention period while the entry itself stays. Version 16, not 13: another branch takes 13.
CREATE TABLE attribute_history (
    activity_seq BIGINT PRIMARY KEY REFERENCES activity(seq) ON DELETE CASCADE,
    tenant_id    VARCHAR(36) NOT NULL,
    time         VARCHAR(24) NOT NULL,
    request_id   TEXT,
    changes      TEXT NOT NULL
);
CREATE INDEX attribute_history_time ON attribute_history(time);
CREATE INDEX activity_resource ON activity(tenant_id, resource_id, seq);
-- How long a tenant's attribute history is kept, as its owner set it; a tenant without a row keeps the default
-- (90 days). Apart from tenants so that the setting stays this feature's own.
CREATE TABLE history_retention (
    tenant_id VARCHAR(36) PRIMARY KEY,
    days      INTEGER NOT NULL
);
