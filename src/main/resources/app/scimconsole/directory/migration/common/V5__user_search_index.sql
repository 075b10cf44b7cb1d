-- The console's search as you type matches userName or displayName anywhere in the text, which no index can
-- seek; with both lower-cased columns in one index, SQLite scans this small index instead of every row's JSON
-- document, and walks it in userName order for the first page.
CREATE INDEX users_name_search ON users (tenant_id, user_name_lc, display_name_lc);
