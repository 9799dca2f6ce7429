-- Version 2: a plain FTS5 search table. Version 1 made it with contentless_delete, which SQLite
-- before 3.43 cannot open (Debian 12's sqlite3, Python's sqlite3, Datasette): it is made again as
-- version 2 had it (the tokens stored with the index; 006 makes it contentless) and filled with
-- the jieba tokens of every problem, its measures and its outcome (zg_search_tokens).
DROP TABLE IF EXISTS issues_fts;
CREATE VIRTUAL TABLE issues_fts USING fts5(problem, measures, outcome, tokenize = 'unicode61', detail = 'none');
INSERT INTO issues_fts (rowid, problem, measures, outcome)
  SELECT i.id, zg_search_tokens(i.problem),
    zg_search_tokens(COALESCE((SELECT group_concat(text, char(10)) FROM (SELECT m.text FROM measures m WHERE m.issue_id = i.id ORDER BY m.ordinal)), '')),
    zg_search_tokens(COALESCE(i.outcome, ''))
  FROM issues i;
