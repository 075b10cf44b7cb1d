-- Issue 21 (p26 found it, g27): the numbering of a tenant's pending events (V25) no longer walks the index entries of
-- the events it already moved.
--
-- Each numbering deletes the tenant's pending rows it moves. Their entries in pending_events_by_tenant stay until a
-- vacuum removes them (autovacuum passes once a minute at most; at a thousand writes a second that is tens of thousands
-- of entries), and a numbering that sought the tenant's rows from the lowest seq read every one of them: 140 to 530
-- buffers and 0.7 to 3.5 ms a numbering, at times the largest single statement of a create.
--
-- A numbering now starts at the tenant's pending_floor: no pending row of the tenant below it can still be committed.
-- The floor cannot simply be the last seq moved: a seq is taken when the row is inserted, so a write with a smaller
-- one may commit after a numbering moved larger ones. Each numbering that moved events therefore proposes a candidate,
-- the largest seq it moved plus one, with its own transaction id (floor_candidate_xid), given out after its snapshot.
-- Every transaction that had taken a seq below the candidate had its transaction id before that snapshot (a write
-- inserts its activity entry before its events, and the insert gives it an id), so it is below that xid. (Not the
-- snapshot's xmax: that is the newest finished transaction's id plus one, below the ids of writes still running.)
-- Once a later numbering's snapshot shows no transaction below it running (its xmin is at or past it), each of those
-- writes has committed or rolled back, and that numbering moved what they committed: from the numbering after it
-- on, the candidate is the floor, and the next candidate is proposed. A long transaction only holds the floor back.
ALTER TABLE event_sequences ADD COLUMN pending_floor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE event_sequences ADD COLUMN floor_candidate BIGINT;
ALTER TABLE event_sequences ADD COLUMN floor_candidate_xid BIGINT;
-- The transaction ids are the 64-bit ones of txid_current() and txid_current_snapshot() (epoch included, never
-- wrapping), which PostgreSQL 12 has too; 13's pg_current_xact_id() and pg_current_snapshot() say the same.
