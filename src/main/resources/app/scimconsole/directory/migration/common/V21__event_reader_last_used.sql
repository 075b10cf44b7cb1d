-- When each reader credential of the event feed was last used (issue 20: the owner sees which app still reads the
-- feed before revoking a credential). Null: never used. Written at most about once a minute per credential (the feed
-- compares with the value it has just read), so the feed's reads do not each become a write.
ALTER TABLE event_readers ADD COLUMN last_used VARCHAR(24);
