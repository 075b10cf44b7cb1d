-- Issue 21, item 3 (PostgreSQL at a million users): a user's display name has one sort index, walked either way, as on
-- SQLite since its V29. The descending index of V24 was one more B-tree that every create writes at a place its name
-- decides (a random page of a large index: a page read and, after each checkpoint, a full-page image in the WAL) and a
-- fifth of the users table's indexes on disk. A descending page by offset is now read as two backward walks of the
-- ascending index, the users with a name and then those without (SortOrder.readsInRuns), as keyset pages already were.
DROP INDEX IF EXISTS users_by_display_name_desc;
