-- A round digest's problems listed under their own unit (issues.unit not NULL), as SQLite's
-- schema has them: compare moves them to that unit (store/compare-units.ts); a partial index holds
-- only those, so a one-unit bulletin's problems cost it nothing.
CREATE INDEX IF NOT EXISTS issues_listed_unit ON issues(bulletin_id) WHERE unit IS NOT NULL;
