-- version: 8
-- The zhenggai dataset's schema as of version 8 (PRAGMA user_version = 8). A new dataset is
-- made from this file; a dataset of an earlier version is brought here by the numbered files
-- 002–008 beside it and then by this file, whose statements make only what is missing (IF NOT
-- EXISTS) and the views again. A later change is a numbered file of its own (009_…), run on
-- every dataset, new or old, after this one (store/migrations.ts). One row of `documents` per
-- distinct file content (sha256); everything else is derived from it and deleted with it (ON
-- DELETE CASCADE), so a re-derivation replaces rows in one transaction.
CREATE TABLE IF NOT EXISTS documents (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,
  encoding TEXT,
  size INTEGER NOT NULL,
  text BLOB NOT NULL,                  -- the normalized text, deflate-compressed: SELECT zg_text(text) gives it
  pipeline_version TEXT NOT NULL,
  rules_hash TEXT NOT NULL,
  record BLOB NOT NULL,                -- the validated zhenggai.bulletin/1 record less its text, as JSON
                                       -- deflate-compressed with the text as preset dictionary:
                                       -- SELECT zg_record(record, text) gives the JSON
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE TABLE IF NOT EXISTS document_paths (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  first_seen TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  UNIQUE (document_id, path)
);
CREATE TABLE IF NOT EXISTS units (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,           -- canonical full name
  region TEXT,
  level TEXT
);
CREATE TABLE IF NOT EXISTS unit_aliases (
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  source TEXT NOT NULL,                -- rule id / 'manual'
  UNIQUE (unit_id, alias)
);
CREATE TABLE IF NOT EXISTS unit_merges (
  from_name TEXT NOT NULL UNIQUE,      -- a manual merge survives re-ingest
  into_name TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  undo TEXT                            -- JSON: what `units unmerge` puts back (store/unit-merges.ts); NULL for a merge made before it was kept
);
CREATE TABLE IF NOT EXISTS bulletins (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
  unit_id INTEGER REFERENCES units(id),
  title TEXT, issuer TEXT, unit_name TEXT, region TEXT, level TEXT,
  inspection_kind TEXT, team TEXT, round TEXT,
  inspection_start TEXT, inspection_end TEXT, feedback_date TEXT, as_of_date TEXT,
  years_implied TEXT,                  -- JSON array: date fields whose year came from context
  year INTEGER,                        -- year of the inspection (else feedback / as-of / publication)
  published_date TEXT, doc_number TEXT, publisher TEXT,
  phones TEXT, emails TEXT,            -- JSON arrays
  fingerprint TEXT NOT NULL,           -- same bulletin in another format (txt/docx/pdf/html) = same fingerprint
  region_code TEXT                     -- the region's GB/T 2260 code (stages/metadata/gazetteer.ts); NULL where none is sure
);
CREATE INDEX IF NOT EXISTS bulletins_fingerprint ON bulletins(fingerprint);
CREATE TABLE IF NOT EXISTS declared_totals (
  bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (bulletin_id, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS categories (
  id INTEGER PRIMARY KEY,
  bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  title TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
  rule TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS issues (
  id INTEGER PRIMARY KEY,
  bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  category_id INTEGER,                 -- categories.id (not a foreign key: a bulletin's categories go with
                                       -- its problems, and a key would need an index to delete them)
  category_ordinal INTEGER,
  problem TEXT NOT NULL,
  outcome TEXT,
  status TEXT NOT NULL CHECK (status IN ('completed','in_progress','long_term','unknown')),
  status_phrase TEXT, status_rule TEXT,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
  rule TEXT NOT NULL,                  -- segmentation rule that found the problem
  unit TEXT,                           -- the unit it is listed under where the bulletin covers several (a round's
                                       -- digest); NULL: the bulletin's own unit
  UNIQUE (bulletin_id, number)
);
-- measures and theme tags are kept in their key's order (WITHOUT ROWID): the key is the table,
-- not a second copy of it in an index (a tenth of a dataset)
CREATE TABLE IF NOT EXISTS measures (
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (issue_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS issue_notes (
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (issue_id, ordinal)
) WITHOUT ROWID;
-- Quantities: the table is quantity_rows, each rule id stored once in `rules` (a rule id in every
-- row was a quarter of the table); the view `quantities` gives them with their rule ids, in the
-- columns the table had. Kept in bulletin order (WITHOUT ROWID, key bulletin_id, id): a
-- bulletin's quantities are found by the key, not by an index beside the table. issue_id is not a
-- foreign key: a problem's quantities go with its bulletin (ON DELETE CASCADE).
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
-- Theme tags: each problem's themes and the word each was read from (issue_theme_tags, by the
-- theme's number), each theme's id, label and rule once (themes, as rules/themes.json has them at
-- the last ingest); the view issue_themes joins them (issue_id, theme, label, rule, keyword).
CREATE TABLE IF NOT EXISTS themes (
  id INTEGER PRIMARY KEY,
  theme TEXT NOT NULL UNIQUE,          -- id in rules/themes.json
  label TEXT NOT NULL,
  rule TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS issue_theme_tags (
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  theme_id INTEGER NOT NULL REFERENCES themes(id),
  keyword TEXT NOT NULL,               -- the word it was read from
  PRIMARY KEY (issue_id, theme_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS documents_cited (
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  title TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS warnings (
  bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
  code TEXT NOT NULL, message TEXT NOT NULL, rule TEXT
);
CREATE INDEX IF NOT EXISTS warnings_bulletin ON warnings(bulletin_id);
-- per-bulletin figures kept at ingest (compare and the report read these, not every issue)
CREATE TABLE IF NOT EXISTS bulletin_stats (
  bulletin_id INTEGER PRIMARY KEY REFERENCES bulletins(id) ON DELETE CASCADE,
  problems INTEGER NOT NULL,
  completed INTEGER NOT NULL,
  money_recovered REAL NOT NULL,       -- sum over its problems of money with role recovered
  money_other REAL NOT NULL,           -- and of the other money
  themes TEXT NOT NULL,                -- JSON [[label, problems, completed, money_recovered, money_other], …] in
                                       -- the order first met; label null: the problems with no theme
  declared_problems REAL,              -- the bulletin's own totals (declared_totals problems, rules,
  declared_rules REAL,                 -- money_recovered; NULL: not declared)
  declared_money_recovered REAL,
  mismatches INTEGER NOT NULL DEFAULT 0 -- its declared_total_mismatch warnings
);
-- the same figures summed per group of publications (one unit, spelling of its name, region,
-- level and year), kept at ingest (store/groups.ts): compare and the report add up these, a row
-- per unit and year, not one per bulletin. money_recovered: of the bulletins that do not declare
-- it; problems_declared: the problems of the bulletins that declare a count; themes: JSON
-- [[label, bulletins, problems, completed, money_recovered, money_other], …]
CREATE TABLE IF NOT EXISTS group_stats (
  unit_id INTEGER REFERENCES units(id) ON DELETE CASCADE,
  unit_name TEXT, issuer TEXT,         -- issuer only when the group has neither unit nor unit_name
  region TEXT, level TEXT, year INTEGER,
  bulletins INTEGER NOT NULL, problems INTEGER NOT NULL, problems_declared INTEGER NOT NULL, completed INTEGER NOT NULL,
  money_recovered REAL NOT NULL, money_other REAL NOT NULL,
  declared_problems REAL, declared_money_recovered REAL, declared_rules REAL,
  mismatches INTEGER NOT NULL,
  themes TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS group_stats_scope ON group_stats(unit_id, COALESCE(unit_name, issuer, ''));
CREATE TABLE IF NOT EXISTS ingest_runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL, ended_at TEXT,
  ingested INTEGER NOT NULL DEFAULT 0, unchanged INTEGER NOT NULL DEFAULT 0,
  reprocessed INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0,
  options TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ingest_errors (
  run_id INTEGER NOT NULL REFERENCES ingest_runs(id) ON DELETE CASCADE,
  path TEXT NOT NULL, sha256 TEXT, code TEXT NOT NULL, message TEXT NOT NULL
);
-- Chinese full-text search: jieba tokens, space-joined (FTS5 cannot segment Chinese); rowid =
-- issues.id. Contentless (content = ''): only the index is kept, not a copy of the tokens (a
-- sixth of a dataset). Without contentless_delete (SQLite 3.43+), so the dataset opens in every
-- SQLite from 3.37 on (Debian 12's sqlite3, Python's sqlite3, Datasette): a re-derived
-- document's entries are removed with FTS5's 'delete' command, its tokens computed again, and
-- issue ids are never used twice (id_counters), so an entry that outlived its problem matches
-- nothing.
CREATE VIRTUAL TABLE IF NOT EXISTS issues_fts USING fts5(problem, measures, outcome, tokenize = 'unicode61', content = '', detail = 'none');
CREATE TABLE IF NOT EXISTS id_counters (
  name TEXT PRIMARY KEY,               -- issues, quantities: the largest id ever given
  last INTEGER NOT NULL
);

DROP INDEX IF EXISTS quantity_rows_bulletin;
-- every foreign key has an index that starts with it (the key, or one below): deleting a
-- re-derived document looks up its children by it instead of reading every row of their tables
CREATE INDEX IF NOT EXISTS categories_bulletin ON categories(bulletin_id);
CREATE INDEX IF NOT EXISTS documents_cited_issue ON documents_cited(issue_id);
-- a unit's bulletins; those of no unit by the name they give (store/groups.ts: a scope)
DROP INDEX IF EXISTS bulletins_unit;
CREATE INDEX IF NOT EXISTS bulletins_scope ON bulletins(unit_id, COALESCE(unit_name, issuer, ''));
-- Every index costs each document's commit pages in the WAL. Issues are found by bulletin
-- through UNIQUE (bulletin_id, number); themes by issue through their key (issue_id, theme_id). An
-- index on theme alone cost ~8 of a document's ~60 pages (20-odd themes: a page each) and
-- served no query here; `WHERE theme = ?` scans issue_themes, a narrow table.
DROP INDEX IF EXISTS issues_bulletin;
DROP INDEX IF EXISTS issue_themes_theme;

DROP VIEW IF EXISTS quantities;
CREATE VIEW quantities AS
SELECT q.id, q.bulletin_id, q.issue_id, q.value, q.unit, q.kind, q.approx, q.text, q.span_start, q.span_end, r.rule, q.role
FROM quantity_rows q LEFT JOIN rules r ON r.id = q.rule_id;

DROP VIEW IF EXISTS issue_themes;
CREATE VIEW issue_themes AS
SELECT t.issue_id, th.theme, th.label, th.rule, t.keyword FROM issue_theme_tags t JOIN themes th ON th.id = t.theme_id;

-- One bulletin per publication: the same bulletin saved as .txt, .docx, .pdf and .html
-- counts once (the earliest ingested stands for it).
DROP VIEW IF EXISTS publications;
CREATE VIEW publications AS
SELECT * FROM bulletins b WHERE b.id = (SELECT min(id) FROM bulletins x WHERE x.fingerprint = b.fingerprint);

DROP VIEW IF EXISTS bulletin_overview;
CREATE VIEW bulletin_overview AS
SELECT
  b.id AS bulletin_id,
  COALESCE(u.name, b.unit_name) AS unit,
  b.region, b.level, b.year, b.team,
  (SELECT value FROM declared_totals t WHERE t.bulletin_id = b.id AND t.key = 'problems') AS declared_problems,
  (SELECT count(*) FROM issues i WHERE i.bulletin_id = b.id) AS issues_found,
  (SELECT count(*) FROM issues i WHERE i.bulletin_id = b.id AND i.status = 'completed') AS completed,
  (SELECT count(*) FROM issues i WHERE i.bulletin_id = b.id AND i.status <> 'completed') AS not_completed,
  CASE WHEN (SELECT count(*) FROM issues i WHERE i.bulletin_id = b.id) > 0
       THEN round(1.0 * (SELECT count(*) FROM issues i WHERE i.bulletin_id = b.id AND i.status = 'completed')
                  / (SELECT count(*) FROM issues i WHERE i.bulletin_id = b.id), 4)
       ELSE (SELECT value FROM declared_totals t WHERE t.bulletin_id = b.id AND t.key = 'completion_rate') END AS completion_rate,
  CASE WHEN (SELECT count(*) FROM issues i WHERE i.bulletin_id = b.id) > 0 THEN 'problems'
       WHEN (SELECT value FROM declared_totals t WHERE t.bulletin_id = b.id AND t.key = 'completion_rate') IS NOT NULL THEN 'declared' END AS completion_rate_source,
  COALESCE((SELECT value FROM declared_totals t WHERE t.bulletin_id = b.id AND t.key = 'money_recovered'),
           (SELECT sum(value) FROM quantities q WHERE q.bulletin_id = b.id AND q.kind = 'money' AND q.role = 'recovered'), 0) AS money_recovered,
  COALESCE((SELECT sum(value) FROM quantities q WHERE q.bulletin_id = b.id AND q.kind = 'money' AND COALESCE(q.role, 'other') <> 'recovered'), 0) AS money_other,
  (SELECT count(*) FROM warnings w WHERE w.bulletin_id = b.id) AS warnings_count,
  b.title,
  NULLIF((SELECT min(id) FROM bulletins x WHERE x.fingerprint = b.fingerprint), b.id) AS same_as_bulletin
FROM bulletins b LEFT JOIN units u ON u.id = b.unit_id;

-- One row per publication (the same bulletin saved as .txt, .docx, .pdf and .html is one):
-- the view to start with. bulletin_overview has one row per file.
DROP VIEW IF EXISTS publication_overview;
CREATE VIEW publication_overview AS
SELECT o.*, (SELECT count(*) FROM bulletins x JOIN bulletins y ON y.fingerprint = x.fingerprint WHERE x.id = o.bulletin_id) AS files
FROM bulletin_overview o WHERE o.same_as_bulletin IS NULL;
