-- Version 6, a compact dataset: the search table contentless (only the index kept: its tokens
-- were a sixth of a dataset) and the text and record kept deflate-compressed, the record with the
-- text as its preset dictionary (its strings are pieces of the text). Version 6 also kept
-- measures and theme tags in their key's order and added the declared totals to bulletin_stats:
-- 007 brings those.
-- when: SELECT 1 FROM sqlite_master WHERE name = 'issues_fts' AND instr(sql, 'content = ''''') = 0
CREATE VIRTUAL TABLE issues_fts_new USING fts5(problem, measures, outcome, tokenize = 'unicode61', content = '', detail = 'none');
INSERT INTO issues_fts_new (rowid, problem, measures, outcome) SELECT rowid, problem, measures, outcome FROM issues_fts;
DROP TABLE issues_fts;
ALTER TABLE issues_fts_new RENAME TO issues_fts;
-- when: SELECT 1 FROM documents WHERE typeof(text) <> 'blob' LIMIT 1
UPDATE documents SET text = zg_deflate(text), record = zg_deflate(zg_inflate(record), text) WHERE typeof(text) <> 'blob';
