-- Issue 21, items 4 and 5 (SQLite's V29 drops the same index and the descending display-name index): the events'
-- dates need no index of their own. The purge removes a range of the key (EventRows.purge), the events before the
-- first one it keeps; the numbering gives ids in the order of the writes' commits, so the dates grow with them. One
-- B-tree fewer written by each numbering of events. PostgreSQL keeps V24's descending display-name index: its planner
-- walks it for a descending page by offset, which SQLite now reads as two walks of the ascending one.
DROP INDEX directory_events_time;
