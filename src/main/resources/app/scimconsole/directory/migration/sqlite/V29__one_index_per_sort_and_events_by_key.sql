-- Issue 21, items 4 and 5: two B-trees fewer in each create's commit on SQLite (each is at least one 4 KB page of the
-- log that the one writer writes and syncs, and every create waits for).
--
-- 1. One index for a user's display name, both directions. V24 kept a descending twin because the order puts users
--    without a name last either way, which one index walked backward does not give. A descending page is now read as
--    two backward walks of the ascending index, the named users and then the unnamed (SortOrder.readsInRuns; keyset
--    pages already read those runs apart). SearchPlanTest reads the plans.
DROP INDEX users_by_display_name_desc;

-- 2. The events' dates need no index of their own: the purge removes a range of the key (EventRows.purge), the events
--    before the first one it keeps; their ids are numbered in the order of the writes, so their dates grow with them.
DROP INDEX directory_events_time;

-- (The event numbers: a write no longer upserts event_sequences; each event's id is the tenant's last id plus one,
-- read in its own INSERT, and a purge records the last id there first (EventRows). No change of the schema: the row
-- each tenant has stays the floor of its numbering.)
