-- Version 8: a problem's own unit in a round's digest (issues.unit: NULL for the bulletin's own
-- unit) and the region's GB/T 2260 code (bulletins.region_code), NULL for what was ingested
-- before (ingest again to fill them). And the shapes version 7 had before its last form: notes,
-- declared totals and quantities kept in their key's order (WITHOUT ROWID), quantities in
-- quantity_rows with each rule id once in `rules` (quantities becomes a view), theme tags naming
-- their theme by number, and unit_merges.undo (what `units unmerge` puts back; NULL for a merge
-- made before it was kept). The views and indexes are made again by schema.sql.
-- when: SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = 'publication_overview'
DROP VIEW publication_overview;
-- when: SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = 'bulletin_overview'
DROP VIEW bulletin_overview;
-- when: SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = 'publications'
DROP VIEW publications;
-- when: SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = 'quantities'
DROP VIEW quantities;
-- when: SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = 'issue_themes'
DROP VIEW issue_themes;

-- when: SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'issue_notes' AND sql NOT LIKE '%WITHOUT ROWID%'
ALTER TABLE issue_notes RENAME TO issue_notes_before7;
CREATE TABLE IF NOT EXISTS issue_notes (
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (issue_id, ordinal)
) WITHOUT ROWID;
INSERT OR IGNORE INTO issue_notes (issue_id, ordinal, text) SELECT issue_id, ordinal, text FROM issue_notes_before7 ORDER BY rowid;
DROP TABLE issue_notes_before7;

-- when: SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'declared_totals' AND sql NOT LIKE '%WITHOUT ROWID%'
ALTER TABLE declared_totals RENAME TO declared_totals_before7;
CREATE TABLE IF NOT EXISTS declared_totals (
  bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (bulletin_id, key)
) WITHOUT ROWID;
INSERT OR IGNORE INTO declared_totals (bulletin_id, key, value) SELECT bulletin_id, key, value FROM declared_totals_before7 ORDER BY rowid;
DROP TABLE declared_totals_before7;

-- quantities: each rule id once (rules, numbered in the order of the ids), the rows in bulletin order
-- when: SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'quantities'
ALTER TABLE quantities RENAME TO quantities_before7;
DROP INDEX IF EXISTS quantities_issue;
DROP INDEX IF EXISTS quantities_bulletin;
CREATE TABLE IF NOT EXISTS rules (
  id INTEGER PRIMARY KEY,
  rule TEXT NOT NULL UNIQUE            -- a rule id (rules/*.json), as in the record
);
CREATE TABLE IF NOT EXISTS quantity_rows (
  id INTEGER NOT NULL,                 -- in reading order; never used twice (id_counters)
  bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  issue_id INTEGER,                    -- issues.id; NULL: outside any issue
  value REAL NOT NULL, unit TEXT NOT NULL, kind TEXT NOT NULL, approx TEXT,
  text TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
  rule_id INTEGER NOT NULL REFERENCES rules(id),
  role TEXT, -- money only: recovered, fined, involved or other
  PRIMARY KEY (bulletin_id, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS id_counters (
  name TEXT PRIMARY KEY,               -- issues, quantities: the largest id ever given
  last INTEGER NOT NULL
);
INSERT OR IGNORE INTO rules (rule) SELECT DISTINCT rule FROM quantities_before7 ORDER BY rule;
INSERT INTO quantity_rows (id, bulletin_id, issue_id, value, unit, kind, approx, text, span_start, span_end, rule_id, role)
  SELECT q.id, q.bulletin_id, q.issue_id, q.value, q.unit, q.kind, q.approx, q.text, q.span_start, q.span_end, r.id, q.role FROM quantities_before7 q JOIN rules r ON r.rule = q.rule ORDER BY q.bulletin_id, q.id;
INSERT INTO id_counters (name, last) SELECT 'quantities', m FROM (SELECT max(id) AS m FROM quantities_before7) WHERE m IS NOT NULL ON CONFLICT (name) DO UPDATE SET last = max(last, excluded.last);
DROP TABLE quantities_before7;

-- theme tags naming their theme by number (themes.id), not by its id string
-- when: SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'themes' AND instr(sql, 'id INTEGER PRIMARY KEY') = 0
ALTER TABLE issue_theme_tags RENAME TO issue_theme_tags_before7;
ALTER TABLE themes RENAME TO themes_before7;
CREATE TABLE themes (
  id INTEGER PRIMARY KEY,
  theme TEXT NOT NULL UNIQUE,          -- id in rules/themes.json
  label TEXT NOT NULL,
  rule TEXT NOT NULL
);
CREATE TABLE issue_theme_tags (
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  theme_id INTEGER NOT NULL REFERENCES themes(id),
  keyword TEXT NOT NULL,               -- the word it was read from
  PRIMARY KEY (issue_id, theme_id)
) WITHOUT ROWID;
INSERT INTO themes (theme, label, rule) SELECT theme, label, rule FROM themes_before7 ORDER BY theme ON CONFLICT (theme) DO NOTHING;
INSERT OR IGNORE INTO issue_theme_tags (issue_id, theme_id, keyword) SELECT t.issue_id, th.id, t.keyword FROM issue_theme_tags_before7 t JOIN themes th ON th.theme = t.theme;
DROP TABLE issue_theme_tags_before7;
DROP TABLE themes_before7;

-- when: SELECT 1 FROM sqlite_master WHERE name = 'unit_merges' AND NOT EXISTS (SELECT 1 FROM pragma_table_info('unit_merges') WHERE name = 'undo')
ALTER TABLE unit_merges ADD COLUMN undo TEXT;
-- when: SELECT 1 FROM sqlite_master WHERE name = 'issues' AND NOT EXISTS (SELECT 1 FROM pragma_table_info('issues') WHERE name = 'unit')
ALTER TABLE issues ADD COLUMN unit TEXT;
-- when: SELECT 1 FROM sqlite_master WHERE name = 'bulletins' AND NOT EXISTS (SELECT 1 FROM pragma_table_info('bulletins') WHERE name = 'region_code')
ALTER TABLE bulletins ADD COLUMN region_code TEXT;
