-- Version 7 (and the shapes version 6 had before its last form): problems without a foreign key on
-- category_id (a bulletin's categories go with its problems, and a key would need an index to
-- delete them); measures kept in their key's order (WITHOUT ROWID); theme tags apart from each
-- theme's label and rule (themes, issue_theme_tags by the theme's number; issue_themes becomes a
-- view); the totals a bulletin declares and its mismatches kept with its figures. The figures
-- per group (group_stats) are computed when the dataset is next opened for writing
-- (store/groups.ts ensureGroups: an empty group_stats beside bulletins). Old tables are set aside,
-- made again as they are kept since, and their rows moved over; the views are made again by
-- schema.sql.
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

-- issues without the foreign key on category_id (SQLite cannot drop a key: the table is made again)
-- when: SELECT 1 FROM sqlite_master WHERE name = 'issues' AND instr(sql, 'REFERENCES categories') > 0
CREATE TABLE issues_new (
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
-- when: SELECT 1 FROM sqlite_master WHERE name = 'issues_new' AND NOT EXISTS (SELECT 1 FROM pragma_table_info('issues') WHERE name = 'unit')
INSERT INTO issues_new (id, bulletin_id, number, category_id, category_ordinal, problem, outcome, status, status_phrase, status_rule, span_start, span_end, rule)
  SELECT id, bulletin_id, number, category_id, category_ordinal, problem, outcome, status, status_phrase, status_rule, span_start, span_end, rule FROM issues;
-- when: SELECT 1 FROM sqlite_master WHERE name = 'issues_new' AND EXISTS (SELECT 1 FROM pragma_table_info('issues') WHERE name = 'unit')
INSERT INTO issues_new SELECT id, bulletin_id, number, category_id, category_ordinal, problem, outcome, status, status_phrase, status_rule, span_start, span_end, rule, unit FROM issues;
-- when: SELECT 1 FROM sqlite_master WHERE name = 'issues_new'
DROP TABLE issues;
ALTER TABLE issues_new RENAME TO issues;

-- measures in their key's order
-- when: SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'measures' AND sql NOT LIKE '%WITHOUT ROWID%'
ALTER TABLE measures RENAME TO measures_before6;
CREATE TABLE IF NOT EXISTS measures (
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (issue_id, ordinal)
) WITHOUT ROWID;
INSERT OR IGNORE INTO measures (issue_id, ordinal, text) SELECT issue_id, ordinal, text FROM measures_before6;
DROP TABLE measures_before6;

-- theme tags (issue_themes, a table until version 6) apart from the themes' labels and rules,
-- each theme numbered in the order of its id
-- when: SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'issue_themes'
ALTER TABLE issue_themes RENAME TO issue_themes_before6;
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
INSERT INTO themes (theme, label, rule) SELECT theme, max(label), max(rule) FROM issue_themes_before6 GROUP BY theme ORDER BY theme ON CONFLICT (theme) DO NOTHING;
INSERT OR IGNORE INTO issue_theme_tags (issue_id, theme_id, keyword) SELECT t.issue_id, th.id, t.keyword FROM issue_themes_before6 t JOIN themes th ON th.theme = t.theme;
DROP TABLE issue_themes_before6;

-- the declared totals and mismatch count compare reads, kept with each bulletin's figures
-- when: SELECT 1 FROM sqlite_master WHERE name = 'bulletin_stats' AND NOT EXISTS (SELECT 1 FROM pragma_table_info('bulletin_stats') WHERE name = 'mismatches')
ALTER TABLE bulletin_stats ADD COLUMN declared_problems REAL;
ALTER TABLE bulletin_stats ADD COLUMN declared_rules REAL;
ALTER TABLE bulletin_stats ADD COLUMN declared_money_recovered REAL;
ALTER TABLE bulletin_stats ADD COLUMN mismatches INTEGER NOT NULL DEFAULT 0;
UPDATE bulletin_stats AS s SET (declared_problems, declared_rules, declared_money_recovered, mismatches) = (SELECT
    (SELECT value FROM declared_totals t WHERE t.bulletin_id = b.id AND t.key = 'problems'),
    (SELECT value FROM declared_totals t WHERE t.bulletin_id = b.id AND t.key = 'rules'),
    (SELECT value FROM declared_totals t WHERE t.bulletin_id = b.id AND t.key = 'money_recovered'),
    (SELECT count(*) FROM warnings w WHERE w.bulletin_id = b.id AND w.code = 'declared_total_mismatch')
  FROM bulletins b WHERE b.id = s.bulletin_id);

-- the figures per group: made empty here, computed on the next open for writing
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
DELETE FROM group_stats;
