-- Version 9: the substring index (store/grams.ts). Each problem's grams, the characters and pairs
-- of adjacent characters of its problem, measures and outcome, in a contentless FTS5 table (rowid
-- = issues.id; the ascii tokenizer takes each space-separated gram whole; its column sizes are
-- kept: without them Debian 12's SQLite, 3.40, cannot read the table). A search for a term matched
-- as a substring (党, a phrase in quotes) reads the problems that hold all of the term's grams and
-- tests each against its text, instead of every problem. Like issues_fts, without
-- contentless_delete, so the dataset opens in SQLite 3.37: a re-derived document's entries go with
-- FTS5's 'delete' command, its grams computed again. A dataset that has problems already gets
-- their grams here.
CREATE VIRTUAL TABLE IF NOT EXISTS issues_fts_grams USING fts5(grams, tokenize = 'ascii', content = '', detail = 'none');
-- when: SELECT EXISTS (SELECT 1 FROM issues)
INSERT INTO issues_fts_grams (rowid, grams)
  SELECT i.id, zg_grams(i.problem, (SELECT group_concat(text, char(10)) FROM (SELECT m.text FROM measures m WHERE m.issue_id = i.id ORDER BY m.ordinal)), i.outcome)
  FROM issues i ORDER BY i.id;
