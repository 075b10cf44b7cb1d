-- Issue 21, items 4 and 5: fewer pages in each create's commit on SQLite (the log's pages are written and synced by
-- the one writer every create waits for). Three changes: the trigram index filled after the commit; two indexes of
-- users partial; attribute_history keyed by its rowid.
--
-- 1. The trigram index of V24 filled after the request's commit, in batches, instead of inside it.
--
-- V24's triggers wrote the FTS5 index in every write's own transaction. FTS5's cost is per transaction, not per row
-- (each transaction writes a new segment, its structure record and the document sizes): 6.6 of the 24.2 pages a
-- single-row commit wrote to the log and synced, on the one writer every create waits for. Now TrigramIndexer indexes
-- the rows written since its last run in one write of its own, a moment after the commits (a few hundred rows a
-- transaction under load), and a search finds what it has not indexed yet by itself (TrigramSearch.candidates):
--
--   * users_text_state.indexed_to: every row with a rowid above it is not in the index yet (the "tail": the users
--     created since the last run; SQLite gives a new row the highest rowid plus one, so new rows are above it);
--   * users_text_stale: rows at or below it whose entry no longer says their names (renamed or deleted since, or a
--     new row that took the rowid of a deleted last row): the triggers below list them, the indexer re-indexes them.
--
-- A search's candidates are the index's matches, the tail and the stale rows; its own test of the text then keeps the
-- matches only, so an entry that still holds a renamed user's old name finds nothing. The triggers that list a stale
-- row fire on renames and deletes (rare next to creates) and on the rare reuse of a rowid; a create writes nothing
-- here. contentless_delete: the index keeps no copy of the names (content=''), yet an entry can be removed by its rowid
-- alone — V24's external content needed the very names it had indexed, gone once a user is renamed. (FTS5 refuses
-- columnsize=0 beside contentless_delete=1; the document sizes it saves are now written once a batch anyway.)
DROP TRIGGER users_text_insert;
DROP TRIGGER users_text_delete;
DROP TRIGGER users_text_update;
DROP TABLE users_text_terms; -- V24's vocabulary table: no query reads it
DROP TABLE users_text;

CREATE VIRTUAL TABLE users_text USING fts5(user_name_lc, display_name_lc, content='', contentless_delete=1,
    tokenize='trigram case_sensitive 1', detail='none');

CREATE TABLE users_text_state (
    only_row   INTEGER PRIMARY KEY CHECK (only_row = 1),
    indexed_to INTEGER NOT NULL
);
CREATE TABLE users_text_stale (user_rowid INTEGER PRIMARY KEY);

INSERT INTO users_text (rowid, user_name_lc, display_name_lc) SELECT rowid, user_name_lc, display_name_lc FROM users;
INSERT INTO users_text_state (only_row, indexed_to) VALUES (1, COALESCE((SELECT MAX(rowid) FROM users), 0));

CREATE TRIGGER users_text_rowid_reused AFTER INSERT ON users
WHEN new.rowid <= (SELECT indexed_to FROM users_text_state) BEGIN
    INSERT OR IGNORE INTO users_text_stale (user_rowid) VALUES (new.rowid);
END;

-- Most updates change neither name (a PATCH of a title, a suspension): those list nothing.
CREATE TRIGGER users_text_renamed AFTER UPDATE OF user_name_lc, display_name_lc ON users
WHEN (old.user_name_lc IS NOT new.user_name_lc OR old.display_name_lc IS NOT new.display_name_lc)
    AND old.rowid <= (SELECT indexed_to FROM users_text_state) BEGIN
    INSERT OR IGNORE INTO users_text_stale (user_rowid) VALUES (old.rowid);
END;

CREATE TRIGGER users_text_deleted AFTER DELETE ON users
WHEN old.rowid <= (SELECT indexed_to FROM users_text_state) BEGIN
    INSERT OR IGNORE INTO users_text_stale (user_rowid) VALUES (old.rowid);
END;

-- 2. Fewer B-trees a create writes, each at least one page of its commit's log. The users' lookups by externalId and by manager (SCIM filters `externalId eq`, `manager eq`) need their indexes
-- only for users that have the value: a user without a manager (every user Entra creates: it sets managers later,
-- by PATCH) no longer writes an entry into users_by_manager, nor one without an externalId into
-- users_by_external_id. SQLite uses such a partial index for any `=` on the column (`x = ?` implies `x IS NOT
-- NULL`); EntraQueriesTest reads the plans.
DROP INDEX users_by_external_id;
CREATE INDEX users_by_external_id ON users (tenant_id, external_id) WHERE external_id IS NOT NULL;
DROP INDEX users_by_manager;
CREATE INDEX users_by_manager ON users (tenant_id, manager_id) WHERE manager_id IS NOT NULL;

-- 3. attribute_history's key was declared BIGINT PRIMARY KEY (V16, for both engines), which on SQLite is not the rowid:
-- a table and an index beside it, two B-trees for each entry. INTEGER PRIMARY KEY makes the key the rowid itself.
CREATE TABLE attribute_history_v27 (
    activity_seq INTEGER PRIMARY KEY REFERENCES activity(seq) ON DELETE CASCADE,
    tenant_id    VARCHAR(36) NOT NULL,
    time         VARCHAR(24) NOT NULL,
    request_id   TEXT,
    changes      TEXT NOT NULL
);
INSERT INTO attribute_history_v27 (activity_seq, tenant_id, time, request_id, changes)
    SELECT activity_seq, tenant_id, time, request_id, changes FROM attribute_history;
DROP TABLE attribute_history;
ALTER TABLE attribute_history_v27 RENAME TO attribute_history;
CREATE INDEX attribute_history_time ON attribute_history(time);
