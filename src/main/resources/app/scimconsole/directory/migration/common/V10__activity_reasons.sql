-- Each activity entry says why as data: a code and its arguments (a JSON array of strings), from which the console
-- and the CLI make sentences in the reader's language. Entries written before keep their English detail and no code;
-- they are read as "recorded by an earlier version" with that text.
ALTER TABLE activity ADD COLUMN code TEXT;
ALTER TABLE activity ADD COLUMN args TEXT;
