-- Issue 21, a million users. Two things the console's Users view asks on every keystroke and every column click.
--
-- 1. "Contains" search: users_text holds every trigram (three characters) of each user's lower-cased userName and
--    displayName (FTS5, external content: the names stay in users, the index only points at rows). A search of three
--    characters or more first asks it for the rows holding all of its trigrams, and tests only those
--    (TrigramSearch); shorter searches scan the search index as before. The triggers keep it in step with every
--    write, in the write's own transaction. case_sensitive 1: the columns are lower-cased by the application
--    already, so each trigram is exactly three characters of the stored text; detail none: the query needs no
--    positions, which keeps the index small.
CREATE VIRTUAL TABLE users_text USING fts5(user_name_lc, display_name_lc, content='users', content_rowid='rowid',
    tokenize='trigram case_sensitive 1', detail='none');
-- How many users hold each trigram: a search asks for its rarest trigrams first.
CREATE VIRTUAL TABLE users_text_terms USING fts5vocab(users_text, 'row');

CREATE TRIGGER users_text_insert AFTER INSERT ON users BEGIN
    INSERT INTO users_text (rowid, user_name_lc, display_name_lc)
    VALUES (new.rowid, new.user_name_lc, new.display_name_lc);
END;

CREATE TRIGGER users_text_delete AFTER DELETE ON users BEGIN
    INSERT INTO users_text (users_text, rowid, user_name_lc, display_name_lc)
    VALUES ('delete', old.rowid, old.user_name_lc, old.display_name_lc);
END;

-- Most updates change neither name (a PATCH of a title, a suspension): those leave the index alone.
CREATE TRIGGER users_text_update AFTER UPDATE OF user_name_lc, display_name_lc ON users
WHEN old.user_name_lc IS NOT new.user_name_lc OR old.display_name_lc IS NOT new.display_name_lc BEGIN
    INSERT INTO users_text (users_text, rowid, user_name_lc, display_name_lc)
    VALUES ('delete', old.rowid, old.user_name_lc, old.display_name_lc);
    INSERT INTO users_text (rowid, user_name_lc, display_name_lc)
    VALUES (new.rowid, new.user_name_lc, new.display_name_lc);
END;

INSERT INTO users_text (users_text) VALUES ('rebuild');

-- 2. Sorted pages: an index in each sort order the console offers on a column (SortSql writes the ORDER BY these
--    serve; a descending sort walks the same index backwards, except where NULLs must stay last). Each carries the
--    other searched name as well, so that a search walked in sort order tests the text from the index and reads no
--    row (the reason an earlier attempt, indexes on the sort alone, made searches read every row).
DROP INDEX users_name_search;
CREATE INDEX users_name_search ON users (tenant_id, user_name_lc, id, display_name_lc);
CREATE INDEX users_by_display_name ON users (tenant_id, (display_name_lc IS NULL), display_name_lc, id, user_name_lc);
CREATE INDEX users_by_display_name_desc
    ON users (tenant_id, (display_name_lc IS NULL), display_name_lc DESC, id DESC, user_name_lc);
CREATE INDEX users_by_last_modified ON users (tenant_id, last_modified, id, user_name_lc, display_name_lc);
CREATE INDEX users_by_active ON users (tenant_id, active, id, user_name_lc, display_name_lc);
