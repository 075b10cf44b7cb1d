-- Issue 21, items 4 and 5: a write's attribute history becomes two columns of its activity entry. V16 kept it in a
-- table of its own (with an index of its dates for the purge): two B-trees more in each write's commit, each at least
-- one 4 KB page the one SQLite writer writes and syncs, and one statement more. Every reader of the history reads it
-- with its entry (ActivityRows: the tenant's log, a resource's history), by the entry's key: now from the entry itself.
-- The purge clears the two columns of the entries older than the tenant's retention (the entries themselves stay, as
-- before): a range of the entries' key, each tenant's from where its last purge stopped (history_purged), so that no
-- index of the dates is needed (HistoryRows.purge). changes NULL: no history (an entry that changes nothing, or one
-- purged); '[]': a write that changed nothing.
ALTER TABLE activity ADD COLUMN request_id TEXT;
ALTER TABLE activity ADD COLUMN changes TEXT;
UPDATE activity SET request_id = (SELECT h.request_id FROM attribute_history h WHERE h.activity_seq = activity.seq),
    changes = (SELECT h.changes FROM attribute_history h WHERE h.activity_seq = activity.seq)
    WHERE seq IN (SELECT activity_seq FROM attribute_history);
DROP TABLE attribute_history;

-- Each tenant's entries up to through_seq have no history left to purge.
CREATE TABLE history_purged (
    tenant_id   VARCHAR(36) PRIMARY KEY,
    through_seq BIGINT      NOT NULL
);
