-- What a check found is stored as data instead of an English sentence: the summary's code and its arguments, and
-- the diagnoses (each a kind, a problem and a fix, each a code with its arguments), so that the console and the
-- command line say it in their reader's language. Codes and arguments: app.scimconsole.domains.ReasonCode.
--   summary_code  e.g. domain.check.noSuchName
--   summary_args  JSON array of strings, e.g. ["_scim-console-challenge.example.com"]
--   diagnoses     JSON array of {"kind": …, "problem": {"code": …, "args": […]}, "fix": {"code": …, "args": […]}}
-- detail keeps the English sentence of results stored before this version (and by an older instance still running
-- on a shared database); such a result reads as domain.check.legacy, which asks the owner to check again.
ALTER TABLE domains ADD COLUMN summary_code TEXT;
ALTER TABLE domains ADD COLUMN summary_args TEXT;
ALTER TABLE domains ADD COLUMN diagnoses TEXT;
UPDATE domains SET summary_code = 'domain.check.legacy', summary_args = '[]', diagnoses = '[]'
    WHERE detail IS NOT NULL;

ALTER TABLE domain_checks ADD COLUMN summary_code TEXT;
ALTER TABLE domain_checks ADD COLUMN summary_args TEXT;
ALTER TABLE domain_checks ADD COLUMN diagnoses TEXT;
UPDATE domain_checks SET summary_code = 'domain.check.legacy', summary_args = '[]', diagnoses = '[]'
    WHERE detail IS NOT NULL;
