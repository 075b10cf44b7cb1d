-- Issue 21, item 3 (PostgreSQL at a million users).
--
-- A user's display name has one sort index, walked either way, as on SQLite since its V29. The descending index of
-- V24 was one more B-tree that every create writes at a place its name decides (a random page of a large index: a
-- page read and, after each checkpoint, a full-page image in the WAL), 190 MB of the users' 1.4 GB of indexes at a
-- million users. A descending page by offset is now read as two backward walks of the ascending index, the users with
-- a name and then those without (SortOrder.readsInRuns), as keyset pages already were.
DROP INDEX IF EXISTS users_by_display_name_desc;

-- The trigram indexes of the console's search keep no pending list (GIN's fastupdate, on by default): with it, the
-- names of recent creates wait in an unsorted list of up to 4 MB per index until a vacuum or an unlucky create merges
-- them, and every search reads and tests that whole list. While Entra's cycle creates users, a keystroke on 300,000
-- users with 6,000 of them pending read twice the pages and took five times as long (EXPLAIN ANALYZE). Each create
-- now adds its names' trigrams to the index itself; what is pending now is merged once, here.
DO $$
BEGIN
    IF to_regclass('users_user_name_trigrams') IS NOT NULL THEN
        ALTER INDEX users_user_name_trigrams SET (fastupdate = off);
        PERFORM gin_clean_pending_list('users_user_name_trigrams');
    END IF;
    IF to_regclass('users_display_name_trigrams') IS NOT NULL THEN
        ALTER INDEX users_display_name_trigrams SET (fastupdate = off);
        PERFORM gin_clean_pending_list('users_display_name_trigrams');
    END IF;
END
$$;
