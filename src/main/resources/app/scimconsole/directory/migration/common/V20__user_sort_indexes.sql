-- The console's Users view sorted by name or by user name (a click on the column) reads its page in this order
-- instead of sorting every user of the organization for each page: at a million users that sort took a second or
-- more a page. The expressions are the ones SortSql writes (resources without a value last, id breaking ties).
-- Only the ascending order (the first click) is served; a descending page still sorts. Version 20 (reserved).
CREATE INDEX users_by_user_name_sort ON users (tenant_id, (user_name_lc IS NULL), user_name_lc, id);
CREATE INDEX users_by_display_name_sort ON users (tenant_id, (display_name_lc IS NULL), display_name_lc, id);
